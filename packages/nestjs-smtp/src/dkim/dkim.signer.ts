import { createHash, sign } from 'node:crypto';
import type { SmtpDkimOptions } from '../interfaces/smtp-module-options.interface.js';
import { headerFields, relaxedBody, relaxedHeader } from './dkim-canonicalization.js';
import { type DkimKey, isDkimName, parseDkimKey } from './dkim-key.js';

/** The header fields signed, when the message has them: what a receiver shows, and how it reads the body. */
const SIGNED_HEADERS = [
  'from',
  'to',
  'subject',
  'message-id',
  'date',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
];

/**
 * Signs composed messages with DKIM (relaxed/relaxed, SHA-256, RSA or Ed25519), synchronously, on
 * the text that is then logged and sent: so the "New email" line shows the signature the server
 * receives.
 */
export class DkimSigner {
  private constructor(
    private readonly domain: string,
    private readonly selector: string,
    private readonly key: DkimKey,
  ) {}

  /**
   * The signer for `options`; throws an Error naming the option that is wrong (never quoting the
   * key) when one is.
   */
  static create(options: SmtpDkimOptions): DkimSigner {
    const key = parseDkimKey(options.privateKey);
    if (typeof key === 'string') throw new Error(`SmtpModule option "dkim.privateKey" ${key}`);
    for (const name of ['domain', 'selector'] as const) {
      if (!isDkimName(options[name])) throw new Error(`SmtpModule option "dkim.${name}" is not a DNS name`);
    }
    return new DkimSigner(options.domain, options.selector, key);
  }

  /** `raw` (CRLF line breaks, as `composeMessage` writes it) with a DKIM-Signature field in front. */
  sign(raw: string): string {
    const headerEnd = raw.indexOf('\r\n\r\n');
    const fields = headerFields(raw.slice(0, headerEnd)).filter((field) =>
      SIGNED_HEADERS.includes(field.name.toLowerCase()),
    );
    const bodyHash = createHash('sha256')
      .update(relaxedBody(raw.slice(headerEnd + 4)))
      .digest('base64');
    const unsigned =
      `DKIM-Signature: v=1; a=${this.key.algorithm}; c=relaxed/relaxed; d=${this.domain};\r\n` +
      ` s=${this.selector}; t=${Math.floor(Date.now() / 1000)};\r\n` +
      ` h=${fields.map((field) => field.name.toLowerCase()).join(':')};\r\n` +
      ` bh=${bodyHash};\r\n b=`;
    // RFC 6376 §3.7: the signed fields, then this one with an empty b=, all canonicalised.
    const signed = fields.map((field) => `${relaxedHeader(field.text)}\r\n`).join('') + relaxedHeader(unsigned);
    return `${unsigned}${foldBase64(this.signature(signed))}\r\n${raw}`;
  }

  private signature(data: string): string {
    // RFC 8463: Ed25519 signs the SHA-256 digest of the data; RSA hashes the data itself.
    if (this.key.algorithm === 'ed25519-sha256') {
      return sign(null, createHash('sha256').update(data).digest(), this.key.key).toString('base64');
    }
    return sign('sha256', Buffer.from(data), this.key.key).toString('base64');
  }
}

/** Folds a base64 value into lines of 72 characters; receivers ignore white space inside b=. */
function foldBase64(value: string): string {
  return value.replace(/.{72}(?=.)/g, '$&\r\n ');
}
