/** Injection tokens */

/** The open {@link DatabaseConnection}. */
export const DATABASE_CONNECTION = 'DATABASE_CONNECTION';
/** The drizzle {@link Database}. */
export const DATABASE = 'DATABASE';

/** Logger name of the database lines. */
export const DATABASE_LOGGER_NAME = 'server.db';

/** Log messages of `server.db`. */
export const DatabaseLogMessage = {
  connectionLost: 'PostgreSQL connection lost',
  readyPostgres: 'Database ready (PostgreSQL)',
  readyEmbedded: 'Database ready (embedded)',
  opening: 'Opening the embedded database',
  restoring: 'Creating the embedded database from the prepared initial data',
  initialising: 'Creating the embedded database (no prepared initial data: initdb takes about 6 s)',
} as const;
