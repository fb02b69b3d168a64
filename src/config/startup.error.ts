/**
 * An error that stops startup and says, in one sentence, what the operator must fix: `main.ts`
 * prints its message alone, without a stack trace. It never contains a secret.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}
