import { Link } from '@tanstack/react-router';

export function NotFound() {
  return (
    <section aria-labelledby="not-found-title" className="space-y-3" data-testid="not-found">
      <h1 id="not-found-title" className="text-xl font-semibold">
        Page not found
      </h1>
      <p>There is nothing at this address.</p>
      <Link to="/" className="text-indigo-600 underline dark:text-indigo-400">
        Go to the home page
      </Link>
    </section>
  );
}
