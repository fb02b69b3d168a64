/** Injection tokens */

/** The open {@link DatabaseConnection}. */
export const DATABASE_CONNECTION = 'DATABASE_CONNECTION';
/** The drizzle {@link Database}. */
export const DATABASE = 'DATABASE';

/** Logger name of the database lines. */
export const DATABASE_LOGGER_NAME = 'server.db';
