import { Link } from '@tanstack/react-router';
import { PageSection } from './card.tsx';

/** A page the signed-in user may not see: said plainly, with nothing of the page itself. */
export function NoAccess({ what }: { what: string }) {
  return (
    <PageSection
      title="No access"
      headingId="no-access-title"
      headingClassName="text-xl font-semibold"
      className="space-y-3"
      testId="no-access"
    >
      <p>{what}</p>
      <Link to="/" className="text-indigo-600 underline dark:text-indigo-400">
        Go to the home page
      </Link>
    </PageSection>
  );
}
