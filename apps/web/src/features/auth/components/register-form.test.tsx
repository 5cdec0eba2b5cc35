import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { renderPage } from '../../../test/render.tsx';
import { RegisterForm } from './register-form.tsx';

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function submitValidForm() {
  fill('Name', 'Ada');
  fill('Email', 'Ada@Example.test');
  fill('Password', 'password1');
  fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('RegisterForm', () => {
  it('shows a server field error beside its input, not as a form error', async () => {
    stubFetch(() =>
      jsonResponse(
        {
          type: 'urn:taskflow:problem:validation-failed',
          title: 'The request is not valid',
          status: 400,
          code: 'VALIDATION_FAILED',
          requestId: 'req-1',
          errors: [{ path: 'body.password', message: 'This password is too common' }],
        },
        { status: 400, type: 'application/problem+json' },
      ),
    );
    renderPage(RegisterForm);
    await screen.findByRole('heading', { name: 'Create an account' });
    await submitValidForm();

    const message = await screen.findByText('This password is too common');
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(document.activeElement).toBe(password);
    // The error takes the hint's place: one line under the field, not two saying the same.
    expect(screen.queryByText(/At least 8 characters/)).toBeNull();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByTestId('register-error')).toBeNull();
  });

  it('validates with the contract schema before calling the API', async () => {
    const fetchMock = stubFetch(() => jsonResponse({}));
    renderPage(RegisterForm);
    await screen.findByRole('heading', { name: 'Create an account' });
    fill('Email', 'not-an-email');
    fill('Password', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('Enter your name')).toBeTruthy();
    expect(screen.getByText('Enter a valid email address')).toBeTruthy();
    expect(screen.getByText('Use at least 8 characters')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the normalised body and then asks to check the inbox', async () => {
    const fetchMock = stubFetch(() =>
      jsonResponse(
        { message: 'If the address can be used, a link is on its way.' },
        { status: 202 },
      ),
    );
    renderPage(RegisterForm);
    await screen.findByRole('heading', { name: 'Create an account' });
    await submitValidForm();

    expect(await screen.findByRole('heading', { name: 'Check your inbox' })).toBeTruthy();
    expect(screen.getByText('ada@example.test')).toBeTruthy();
    // Said once: the heading, not again in the text under it.
    expect(screen.getAllByText(/check your inbox/i)).toHaveLength(1);
    expect(screen.getAllByText(/we sent/i)).toHaveLength(1);
    const request = fetchMock.mock.calls[0]?.[0] as Request;
    expect(await request.json()).toEqual({
      name: 'Ada',
      email: 'ada@example.test',
      password: 'password1',
    });
  });
});
