import { PageSection } from '../../../components/card.tsx';
import { BackupsCard } from './backups-card.tsx';
import { HealthPanel } from './health-panel.tsx';
import { JobsCard } from './jobs-card.tsx';
import { MailOutbox } from './mail-outbox.tsx';
import { SecuritySettingsCard } from './security-settings-card.tsx';
import { StatsOverview } from './stats-overview.tsx';
import { UsersCard } from './users-card.tsx';

/** The operator's page: figures and charts, jobs, users, security, backups, health and mail. */
export function AdminDashboard({ currentUserId }: { currentUserId: string }) {
  return (
    <PageSection
      title="Admin dashboard"
      headingId="admin-title"
      className="space-y-6"
      testId="admin-dashboard"
    >
      <StatsOverview />
      <div className="grid gap-6 xl:grid-cols-2">
        <JobsCard
          title="Recent jobs"
          description="Every queue, newest first."
          testId="recent-jobs"
        />
        <JobsCard
          title="Failed jobs"
          description="Jobs that failed their last attempt; retry them once the cause is fixed."
          state="failed"
          testId="failed-jobs"
        />
      </div>
      <UsersCard currentUserId={currentUserId} />
      <div className="grid items-start gap-6 xl:grid-cols-2">
        <SecuritySettingsCard />
        <BackupsCard />
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <HealthPanel />
        <MailOutbox />
      </div>
    </PageSection>
  );
}
