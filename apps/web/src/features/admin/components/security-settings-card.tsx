import { humanMessage } from '../../../api/error-message.ts';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useSecuritySettings, useUpdateSecuritySettings } from '../api/security-settings.ts';
import { AdminCard, CardError, CardSkeleton } from './admin-card.tsx';

/** TaskFlow-wide security rules: whether administrators must use two-factor sign-in. */
export function SecuritySettingsCard() {
  const settings = useSecuritySettings();
  const update = useUpdateSecuritySettings();
  return (
    <AdminCard
      title="Security"
      description="Rules for every account of this TaskFlow."
      testId="security-settings"
    >
      {settings.isPending && <CardSkeleton label="Loading the settings…" rows={1} />}
      {settings.isError && (
        <CardError error={settings.error} onRetry={() => void settings.refetch()} />
      )}
      {settings.data && (
        <label className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            className="mt-1 size-4"
            checked={settings.data.requireTwoFactorForAdmins}
            disabled={update.isPending}
            onChange={(event) => update.mutate(event.target.checked)}
            data-testid="require-two-factor"
          />
          <span>
            Require two-factor sign-in for administrators
            <span className="block text-slate-600 dark:text-slate-300">
              An administrator without it is sent to their account page to turn it on before using
              this dashboard.
            </span>
          </span>
        </label>
      )}
      {update.isError && <FormAlert>{humanMessage(update.error)}</FormAlert>}
    </AdminCard>
  );
}
