import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useSignInWithPasskey } from '../api/passkey-sign-in.ts';

/** Sign-in with a passkey alone: no email or password, the browser offers the passkeys. */
export function PasskeySignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = useSignInWithPasskey();
  return (
    <div className="space-y-2" data-testid="passkey-sign-in">
      {signIn.isError && (
        <FormAlert testId="passkey-sign-in-error">{humanMessage(signIn.error)}</FormAlert>
      )}
      <Button
        variant="secondary"
        className="w-full"
        disabled={signIn.isPending}
        onClick={() => signIn.mutate(undefined, { onSuccess: onSignedIn })}
      >
        {signIn.isPending ? 'Waiting for the passkey…' : 'Sign in with a passkey'}
      </Button>
    </div>
  );
}
