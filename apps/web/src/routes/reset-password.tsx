import { createFileRoute } from '@tanstack/react-router';
import { ResetPasswordForm } from '../features/auth/components/reset-password-form.tsx';
import { tokenSearch } from '../lib/search-params.ts';

export const Route = createFileRoute('/reset-password')({
  validateSearch: tokenSearch,
  component: () => <ResetPasswordForm token={Route.useSearch().token} />,
});
