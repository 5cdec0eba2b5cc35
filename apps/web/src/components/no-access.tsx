import { Link } from '@tanstack/react-router';

/** A page the signed-in user may not see: said plainly, with nothing of the page itself. */
export function NoAccess({ what }: { what: string }) {
  return (
    <section aria-labelledby="no-access-title" className="space-y-3" data-testid="no-access">
      <h1 id="no-access-title" className="text-xl font-semibold">
        No access
      </h1>
      <p>{what}</p>
      <Link to="/" className="text-indigo-600 underline dark:text-indigo-400">
        Go to the home page
      </Link>
    </section>
  );
}
