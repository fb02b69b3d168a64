/** Injection tokens */

/**
 * The stream log lines are written to: stdout in production. Tests override it with an
 * in-memory stream to read what an operator would see.
 */
export const LOG_DESTINATION = 'LOG_DESTINATION';

/** The field that names the logger on every line (the operator doc's `server.api.smtpClient`). */
export const LOGGER_NAME_FIELD = 'logger';

/** Logger name of the HTTP access log lines. */
export const HTTP_LOGGER_NAME = 'server.api.http';
