import { Card } from '../../../components/card.tsx';
import {
  useNotificationSettings,
  useUpdateNotificationSettings,
} from '../api/notification-settings.ts';

/** Whether mentions also come by mail: one switch, saved as soon as it changes. */
export function MailSettingsCard() {
  const { data, isPending, isError } = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  return (
    <Card
      title="Mail"
      description="Notifications always show in TaskFlow; choose what also comes by mail."
      testId="mail-settings"
    >
      {isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Your mail settings could not be loaded.
        </p>
      ) : (
        <label className="flex items-center gap-3 text-sm">
          <input
            type="checkbox"
            name="mailOnMention"
            className="size-4"
            checked={data?.mailOnMention ?? true}
            disabled={isPending || update.isPending}
            onChange={(event) => update.mutate({ mailOnMention: event.target.checked })}
          />
          Mail me when someone mentions me in a comment
        </label>
      )}
      {update.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          The change was not saved. Try again.
        </p>
      ) : null}
    </Card>
  );
}
