import { DrizzleQueryError } from 'drizzle-orm/errors';
import { DatabaseError } from 'pg';
import { describeError, describeFatalError, isDatabaseError } from './error-description';

const MARKER = 'MARKER-4f1c';

/** An error as pg reports one from the server, with a message that quotes a value. */
function postgresError(code: string, fields: Partial<DatabaseError> = {}): DatabaseError {
  return Object.assign(new DatabaseError(`invalid input syntax for type uuid: "${MARKER}"`, 0, 'error'), {
    code,
    severity: 'ERROR',
    detail: `Key (email)=(${MARKER}) already exists.`,
    ...fields,
  });
}

/** drizzle's wrapper, whose message lists the query's parameters. */
function queryError(cause?: unknown): DrizzleQueryError {
  return new DrizzleQueryError('insert into "users" values ($1, $2)', [MARKER, `scrypt$${MARKER}`], cause as Error);
}

describe('describeError', () => {
  it.each([
    [
      'a check violation behind drizzle',
      queryError(postgresError('23514', { table: 'users', constraint: 'users_marker_check' })),
      'database error 23514 check_violation (table users, constraint users_marker_check)',
    ],
    [
      'a unique violation',
      postgresError('23505', { table: 'users', constraint: 'users_email_lower_unique' }),
      'database error 23505 unique_violation (table users, constraint users_email_lower_unique)',
    ],
    ['a code known only by its class', postgresError('22P05'), 'database error 22P05 data_exception'],
    ['a code of no known class', postgresError('HV000'), 'database error HV000'],
    [
      'an authentication error, with the server message kept',
      postgresError('28P01', { message: 'password authentication failed for user "app"' }),
      'database error 28P01 invalid_authorization_specification: password authentication failed for user "app"',
    ],
    [
      'a query that failed before the server answered',
      queryError(Object.assign(new Error('Connection terminated unexpectedly'))),
      'database query failed: Connection terminated unexpectedly',
    ],
    ['a query error without a cause', queryError(), 'database query failed'],
    [
      'a network error',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      'connect ECONNREFUSED 127.0.0.1:5432',
    ],
    ["Node's EPIPE, not a SQLSTATE", Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }), 'write EPIPE'],
    ['a thrown string', 'boom', 'boom'],
  ])('%s', (_case, error, description) => {
    expect(describeError(error)).toBe(description);
  });

  it('never repeats a value from the query, the message or the detail', () => {
    const error = queryError(postgresError('22P02', { table: 'email_outbox', column: 'message' }));
    expect(describeError(error)).not.toContain(MARKER);
  });
});

describe('isDatabaseError', () => {
  it.each([
    ['a PostgreSQL error', postgresError('23505'), true],
    ['drizzle wrapping a network error', queryError(new Error('read ECONNRESET')), true],
    ['a programming error', new TypeError('x is not a function'), false],
  ])('%s: %s', (_case, error, expected) => {
    expect(isDatabaseError(error)).toBe(expected);
  });
});

describe('describeFatalError', () => {
  it('keeps the stack of a programming error', () => {
    const error = new TypeError('x is not a function');
    expect(describeFatalError(error)).toBe(error.stack);
  });

  it('only describes a database error', () => {
    expect(describeFatalError(queryError(postgresError('23505')))).toBe('database error 23505 unique_violation');
  });
});
