import { Link } from '@tanstack/react-router';
import { useSignOut } from '../api/sign-out.ts';
import { useSession } from '../session/auth-context.tsx';

const outlineButton =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/** The header's account corner: who is signed in and Sign out, or Sign in and Create account. */
export function UserMenu() {
  const session = useSession();
  const signOut = useSignOut();

  if (session.status === 'loading') {
    // Neutral until the silent refresh answers, so neither state flashes.
    return (
      <span
        className="inline-block h-8 w-20 rounded-md bg-slate-100 dark:bg-slate-800"
        aria-hidden="true"
      />
    );
  }

  if (session.status === 'signed-out') {
    return (
      <div className="flex items-center gap-2">
        <Link to="/sign-in" className={outlineButton} data-testid="sign-in-link">
          Sign in
        </Link>
        <Link
          to="/register"
          className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 dark:bg-indigo-500 dark:text-slate-950 dark:hover:bg-indigo-400"
          data-testid="register-link"
        >
          Create account
        </Link>
      </div>
    );
  }

  return (
    <div className="flex items-center gap-3">
      <span className="text-sm" data-testid="user-name">
        {session.user.name}
      </span>
      <button
        type="button"
        className={outlineButton}
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
        data-testid="sign-out"
      >
        Sign out
      </button>
    </div>
  );
}
