import { createFileRoute, useNavigate, useRouter } from '@tanstack/react-router';
import { ApiError } from '../api/api-error.ts';
import { useRegister } from '../features/auth/api/register.ts';
import { useSignIn } from '../features/auth/api/sign-in.ts';
import { useSession } from '../features/auth/session/auth-context.tsx';
import { AcceptInvitation } from '../features/invitations/components/accept-invitation.tsx';

/**
 * `/invite#<token>`: the token stays after `#`, so the browser never sends it to the server (no
 * access log records it). Composes the invitation with the session (features do not import each
 * other).
 */
export const Route = createFileRoute('/invite')({
  component: InvitePage,
});

function InvitePage() {
  const router = useRouter();
  const token = router.state.location.hash;
  const session = useSession();
  const navigate = useNavigate();
  const register = useRegister();
  const signIn = useSignIn();

  return (
    <div className="mx-auto max-w-lg py-8">
      <AcceptInvitation
        token={token}
        session={session.status}
        returnPath={`/invite#${token}`}
        onJoined={(workspaceId) =>
          void navigate({ to: '/w/$workspaceId', params: { workspaceId }, replace: true })
        }
        signUp={async (values) => {
          await register.mutateAsync({ ...values, invitation: token });
          try {
            await signIn.mutateAsync({ email: values.email, password: values.password });
          } catch (error) {
            // Not the invited address: it is verified by the mailed link first, as at sign-up.
            if (error instanceof ApiError && error.code === 'EMAIL_NOT_VERIFIED') return false;
            throw error;
          }
          await router.invalidate();
          return true;
        }}
      />
    </div>
  );
}
