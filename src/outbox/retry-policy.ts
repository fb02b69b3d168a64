/** No wait between attempts grows beyond an hour. */
export const RETRY_DELAY_CAP_SECONDS = 3600;

/**
 * Seconds to wait after failed attempt number `attempt` (1-based): `base`, then doubling, capped
 * at an hour, spread ±20% so instances that failed together do not retry together.
 */
export function retryDelaySeconds(attempt: number, baseSeconds: number, random: () => number = Math.random): number {
  const exponential = Math.min(RETRY_DELAY_CAP_SECONDS, baseSeconds * 2 ** (attempt - 1));
  return exponential * (0.8 + 0.4 * random());
}
