/**
 * The reference page of `npm run lighthouse`: React and ReactDOM rendering a sign-in form, and
 * nothing else. No app does less on its first screen, so its score on a machine is the ceiling
 * the app's own figures are read against.
 */
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

function Field({ id, label, type }) {
  const [value, setValue] = useState('');
  return h(
    'p',
    null,
    h('label', { htmlFor: id }, label),
    h('br'),
    h('input', { id, name: id, type, value, onChange: (event) => setValue(event.target.value) }),
  );
}

function SignIn() {
  return h(
    'main',
    null,
    h('h1', null, 'Sign in to TaskFlow'),
    h(
      'form',
      { onSubmit: (event) => event.preventDefault() },
      h(Field, { id: 'email', label: 'Email', type: 'email' }),
      h(Field, { id: 'password', label: 'Password', type: 'password' }),
      h('button', { type: 'submit' }, 'Sign in'),
    ),
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(h(SignIn));
