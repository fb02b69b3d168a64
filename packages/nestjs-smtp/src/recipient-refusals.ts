import type { SmtpRecipientRefusal } from './interfaces/smtp-recipient-refusal.interface.js';

// `550 5.1.1 <ghost@example.com>: Recipient address rejected`: the code, then class.subject.detail.
const ENHANCED_STATUS = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/;

/** @internal The enhanced status code (RFC 3463) at the start of an SMTP reply, if any. */
export function enhancedStatusOf(reply: string): string | undefined {
  return ENHANCED_STATUS.exec(reply)?.[1];
}

/**
 * @internal The recipients nodemailer reports as refused: `rejectedErrors` on the send's result
 * (some recipients refused) or on its `EENVELOPE` error (all of them), one error per recipient
 * with `recipient`, `response` and `responseCode`.
 */
export function recipientRefusalsOf(source: unknown): SmtpRecipientRefusal[] {
  const rejectedErrors = (source as { rejectedErrors?: unknown } | null | undefined)?.rejectedErrors;
  if (!Array.isArray(rejectedErrors)) return [];
  return rejectedErrors.flatMap((error: unknown) => {
    const { recipient, response, responseCode } = (error ?? {}) as Record<string, unknown>;
    if (typeof recipient !== 'string' || typeof response !== 'string' || typeof responseCode !== 'number') return [];
    return [
      { recipient, response, responseCode, enhancedStatus: enhancedStatusOf(response), permanent: responseCode >= 500 },
    ];
  });
}
