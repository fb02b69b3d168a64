import type { SmtpMessage } from '@solidpoint/nestjs-smtp';
import { suppressionKeyOf } from './suppression-key';

/** A suppressed mailbox: why, and since when. */
export interface Suppression {
  /** The key, see `suppressionKeyOf`. */
  mailbox: string;
  /** The server's reply that refused it, e.g. `550 5.1.1 user unknown`. */
  reason: string;
  suppressedAt: Date;
}

/** What is left of one email's recipients once the suppressed ones are taken out. */
export interface RecipientScreening {
  /** The recipients to send to, in their order; empty when every one is suppressed. */
  kept: string[];
  /** The recipients taken out, each with its suppression. */
  skipped: { recipient: string; suppression: Suppression }[];
}

/** The recipients of `message`, as a list. */
export function recipientsOf(message: Pick<SmtpMessage, 'to'>): string[] {
  return typeof message.to === 'string' ? [message.to] : [...message.to];
}

/** Splits `recipients` into those to send to and those `suppressions` (by key) hold back. */
export function screenRecipients(
  recipients: readonly string[],
  suppressions: ReadonlyMap<string, Suppression>,
): RecipientScreening {
  const screening: RecipientScreening = { kept: [], skipped: [] };
  for (const recipient of recipients) {
    const suppression = suppressions.get(suppressionKeyOf(recipient));
    if (suppression) screening.skipped.push({ recipient, suppression });
    else screening.kept.push(recipient);
  }
  return screening;
}
