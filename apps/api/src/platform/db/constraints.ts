/** The driver's error for a failed statement (pg and PGlite alike). */
type DriverError = { code?: string; constraint?: string; message?: string };

/** A statement failed the foreign key `constraint` (SQLSTATE 23503). */
export function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  const e = error as DriverError;
  return e?.code === '23503' && (e.constraint === constraint || !!e.message?.includes(constraint));
}

/** A statement failed the unique index or constraint `constraint` (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as DriverError;
  return e?.code === '23505' && (e.constraint === constraint || !!e.message?.includes(constraint));
}
