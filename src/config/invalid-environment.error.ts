import { StartupError } from './startup.error';

/**
 * Thrown at startup when environment variables are missing, half set or malformed.
 * The message is one line that names every offending variable, so `main.ts` can print it
 * as-is and exit; it never contains a secret's value.
 */
export class InvalidEnvironmentError extends StartupError {
  override name = 'InvalidEnvironmentError';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
  }
}
