/**
 * Thrown by `parseSmtpEnvironment` (and so by `smtpConfig`) when SMTP_* variables are half set or
 * malformed. The message is one line naming every offending variable, ready to print as-is at
 * startup; it never contains a value of SMTP_PASSWORD or SMTP_ADDRESS.
 */
export class SmtpEnvironmentError extends Error {
  override name = 'SmtpEnvironmentError';

  /** @param problems one sentence per problem, each naming its variable */
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
  }
}
