/**
 * Names of the SQLSTATE codes an operator of this app is likely to meet, and of the classes the
 * others fall in (PostgreSQL's Appendix A), so a logged database error says what kind it is.
 */
const SQLSTATE_NAMES: Readonly<Record<string, string>> = {
  '08': 'connection_exception',
  '22': 'data_exception',
  '22001': 'string_data_right_truncation',
  '22021': 'character_not_in_repertoire',
  '22P02': 'invalid_text_representation',
  '23': 'integrity_constraint_violation',
  '23502': 'not_null_violation',
  '23503': 'foreign_key_violation',
  '23505': 'unique_violation',
  '23514': 'check_violation',
  '25': 'invalid_transaction_state',
  '28': 'invalid_authorization_specification',
  '3D': 'invalid_catalog_name',
  '40': 'transaction_rollback',
  '40001': 'serialization_failure',
  '40P01': 'deadlock_detected',
  '42': 'syntax_error_or_access_rule_violation',
  '42P01': 'undefined_table',
  '53': 'insufficient_resources',
  '53300': 'too_many_connections',
  '54': 'program_limit_exceeded',
  '55': 'object_not_in_prerequisite_state',
  '57': 'operator_intervention',
  '57014': 'query_canceled',
  '57P01': 'admin_shutdown',
  '58': 'system_error',
  XX: 'internal_error',
};

/**
 * Classes whose server messages speak of the connection, never of a query's data (`password
 * authentication failed for user "app"`, `database "x" does not exist`): those are kept.
 */
const CONNECTION_CLASSES: ReadonlySet<string> = new Set(['08', '28', '3D', '53', '57', '58']);

/** The fields of a PostgreSQL error (pg's and PGlite's alike) that name things, never values. */
interface PostgresError {
  code: string;
  severity: string;
  message: string;
  table?: string;
  column?: string;
  constraint?: string;
}

/**
 * What may be logged of an error: for a database error, its SQLSTATE with its name and the
 * table, column and constraint involved (plus the server's message for connection, authentication
 * and resource errors); for any other error, its message.
 *
 * A database error's own text is never used: drizzle's message lists the query's parameters
 * (a recipient, an email's text, a password hash), PostgreSQL's messages and details quote values
 * (`invalid input syntax for type uuid: "…"`, `Key (email)=(…) already exists`), and PGlite
 * attaches the parameters to the error.
 * @example describeError(uniqueViolation) // 'database error 23505 unique_violation (table users, constraint users_email_unique)'
 */
export function describeError(error: unknown): string {
  const postgres = findPostgresError(error);
  if (postgres !== undefined) return describePostgresError(postgres);
  if (isDrizzleQueryError(error)) {
    // Failed before the server answered (e.g. the connection dropped): the cause says why.
    return error.cause === undefined ? 'database query failed' : `database query failed: ${describeError(error.cause)}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** True when `error`, or what caused it, is an error reported by PostgreSQL or drizzle. */
export function isDatabaseError(error: unknown): boolean {
  return findPostgresError(error) !== undefined || isDrizzleQueryError(error);
}

function describePostgresError({ code, message, table, column, constraint }: PostgresError): string {
  const name = SQLSTATE_NAMES[code] ?? SQLSTATE_NAMES[code.slice(0, 2)];
  const where = [
    table && `table ${table}`,
    column && `column ${column}`,
    constraint && `constraint ${constraint}`,
  ].filter(Boolean);
  const said = CONNECTION_CLASSES.has(code.slice(0, 2)) ? `: ${message}` : '';
  return `database error ${code}${name ? ` ${name}` : ''}${where.length > 0 ? ` (${where.join(', ')})` : ''}${said}`;
}

function findPostgresError(error: unknown): PostgresError | undefined {
  for (let current = error; typeof current === 'object' && current !== null; current = (current as Error).cause) {
    const { code, severity } = current as Partial<PostgresError>;
    // A severity tells it from Node's own errors, whose codes can look alike (`EPIPE`).
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string') {
      return current as PostgresError;
    }
  }
  return undefined;
}

/** drizzle's DrizzleQueryError, recognised by shape: its message holds the query's parameters. */
function isDrizzleQueryError(error: unknown): error is Error & { cause?: unknown } {
  return error instanceof Error && 'query' in error && 'params' in error;
}

/**
 * What to print of an error that stops the process: a programming error keeps its stack, since
 * someone must fix the code; a database error is only described, as everywhere else.
 */
export function describeFatalError(error: unknown): string {
  return error instanceof Error && !isDatabaseError(error) ? (error.stack ?? error.message) : describeError(error);
}
