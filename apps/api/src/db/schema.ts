import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  role: Generated<'user' | 'admin'>;
  email_verified_at: Date | null;
  disabled_at: Date | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** The database as Kysely sees it; one interface per table, added by the migration that makes it. */
export interface DB {
  users: UsersTable;
}
