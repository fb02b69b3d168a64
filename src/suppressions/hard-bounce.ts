import type { SmtpRecipientRefusal } from '@solidpoint/nestjs-smtp';

// 5.7.x is security or policy (relaying denied, sender blocked, authentication required): a
// refusal of us, of this sender or this connection, not of the mailbox, which a later fix of
// the configuration lets through. Suppressing on it would silence every recipient at once.
const POLICY_STATUS = /^5\.7\./;

// 5.1.x: the address itself is bad (no such user, bad syntax, no such domain).
const BAD_ADDRESS_STATUS = /^5\.1\./;

/**
 * True when a recipient's refusal says the mailbox will never take mail (a hard bounce): a 5xx
 * reply to RCPT TO (`550 5.1.1 user unknown`, `553 mailbox name not allowed`) unless its
 * enhanced status blames a policy, or any reply with a 5.1.x status. A 4xx without one
 * (`450 mailbox busy`, greylisting) is temporary.
 */
export function isHardBounce({ permanent, enhancedStatus = '' }: SmtpRecipientRefusal): boolean {
  return (permanent && !POLICY_STATUS.test(enhancedStatus)) || BAD_ADDRESS_STATUS.test(enhancedStatus);
}

/** Longest reason kept: a reply is one line in the CLI's listing and the log. */
const MAX_REASON_LENGTH = 300;

/** The server's reply as the suppression's reason: on one line, and bounded. */
export function reasonOf(refusal: SmtpRecipientRefusal): string {
  return refusal.response.replace(/\s+/g, ' ').trim().slice(0, MAX_REASON_LENGTH);
}
