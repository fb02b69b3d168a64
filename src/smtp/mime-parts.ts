import { randomBytes } from 'node:crypto';
import { encodeWords, foldLines, isPlainText, quoteString } from 'nodemailer/lib/mime-funcs';
import { encode as encodeQuotedPrintable, wrap as wrapQuotedPrintable } from 'nodemailer/lib/qp';
import type { Mailbox } from './mailbox';

// nodemailer's MailComposer builds a stream pipeline per message (about 300 µs each here, as much
// as the whole SMTP exchange). These helpers write the same MIME with nodemailer's own encoders,
// as one string, in a few microseconds.

/** `Name <address>`, the name quoted or RFC 2047-encoded as it needs. */
export function formatMailbox({ name, address }: Mailbox): string {
  if (!name) return address;
  if (!isPlainText(name)) return `${encodeWords(name, 'Q', 52, true)} <${address}>`;
  return /[()<>[\]:;@\\,."]/.test(name) ? `${quoteString(name)} <${address}>` : `${name} <${address}>`;
}

/** A header line (or lines, folded at 76 characters), non-ASCII text encoded. */
export function header(name: string, value: string): string {
  const encoded = isPlainText(value) ? value : encodeWords(value, 'Q', 52, true);
  return foldLines(`${name}: ${encoded}`, 76);
}

/** The RFC 5322 date nodemailer writes, in UTC: `Sat, 28 Nov 2026 00:16:31 +0000`. */
export function formatDate(date: Date): string {
  return date.toUTCString().replace(/GMT/, '+0000');
}

/**
 * One text part: its Content-Type and Content-Transfer-Encoding headers and its body. Plain
 * ASCII with short lines goes as 7bit; anything else as quoted-printable (always readable as text).
 */
export function textPart(subtype: 'plain' | 'html', content: string): { headers: string[]; body: string } {
  const headers = [`Content-Type: text/${subtype}; charset=utf-8`];
  if (isPlainText(content) && !/[^\n]{77}/.test(content)) {
    return { headers: [...headers, 'Content-Transfer-Encoding: 7bit'], body: content };
  }
  return {
    headers: [...headers, 'Content-Transfer-Encoding: quoted-printable'],
    body: wrapQuotedPrintable(encodeQuotedPrintable(content), 76),
  };
}

/** A multipart boundary: random, so no content can end a part early. */
export function newBoundary(): string {
  return `_SolidPoint_${randomBytes(12).toString('hex')}`;
}
