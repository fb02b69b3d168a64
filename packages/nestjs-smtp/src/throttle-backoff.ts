import type { SmtpThrottleBackoff } from './interfaces/smtp-module-options.interface.js';

// "try again in 30 seconds", "retry after 2 minutes", "wait 90s": a pause the server asks for.
const HINT = /\b(?:in|after|wait)\s+(\d{1,6})\s*(s|secs?|seconds?|m|mins?|minutes?)\b/i;

/**
 * How long to pause after a throttling `reply`, the `consecutive`-th (from 1) without a success
 * in between: the server's own hint when it gives one, otherwise the initial pause doubled for
 * each earlier throttle; never more than the cap.
 */
export function throttlePauseMs(reply: string, consecutive: number, backoff: SmtpThrottleBackoff): number {
  const hint = HINT.exec(reply);
  const asked = hint ? Number(hint[1]) * (hint[2].toLowerCase().startsWith('m') ? 60_000 : 1_000) : undefined;
  return Math.min(backoff.maxMs, asked ?? backoff.initialMs * 2 ** (consecutive - 1));
}
