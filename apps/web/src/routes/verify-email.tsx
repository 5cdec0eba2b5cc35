import { createFileRoute } from '@tanstack/react-router';
import { VerifyEmail } from '../features/auth/components/verify-email.tsx';
import { tokenSearch } from '../lib/search-params.ts';

export const Route = createFileRoute('/verify-email')({
  validateSearch: tokenSearch,
  component: () => <VerifyEmail token={Route.useSearch().token} />,
});
