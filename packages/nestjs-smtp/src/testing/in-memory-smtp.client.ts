import { performance } from 'node:perf_hooks';
import { DkimSigner } from '../dkim/dkim.signer.js';
import type { SmtpDescription } from '../interfaces/smtp-description.interface.js';
import type { SmtpDkimOptions } from '../interfaces/smtp-module-options.interface.js';
import type { SmtpMessage, SmtpSendOptions } from '../interfaces/smtp-message.interface.js';
import type { SmtpSendResult } from '../interfaces/smtp-send-result.interface.js';
import { parseMailbox, type Mailbox } from '../mailbox.js';
import { composeMessage, InvalidSmtpMessageError } from '../message-composer.js';
import { SmtpClient } from '../smtp.client.js';
import type { SmtpClientContext } from '../smtp-client.context.js';
import { DEFAULT_MIME_BOUNDARY_PREFIX, DEFAULT_SMTP_POOL_SIZE, DEFAULT_SMTP_SEND_CHANNEL } from '../smtp.constants.js';
import { SmtpSendPublisher } from '../smtp.diagnostics.js';
import { SmtpSendError } from '../smtp-send.error.js';

/** An email the in-memory client captured, as the real client would have sent it. */
export interface SentEmail {
  /** The SMTP envelope: the sender's bare address and every recipient. */
  envelope: { from: string; to: string[] };
  /** The sender as given, e.g. `SolidPoint <noreply@solidpoint.example>`. */
  from: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** The Message-ID header's value. */
  messageId: string;
  /** The exact MIME bytes the real client would have sent (CRLF line endings). */
  raw: string;
}

/** What to look for; every given field must match. Strings match exactly (addresses ignore case). */
export interface SentEmailFilter {
  /** One of the recipients. */
  to?: string;
  from?: string;
  subject?: string | RegExp;
  text?: string | RegExp;
}

const DEFAULT_WAIT_MS = 5_000;

/**
 * An `SmtpClient` that keeps every message in memory instead of sending it: nothing touches the
 * network. Messages are composed and checked exactly as the real client does (an invalid one
 * rejects with the same `SmtpSendError`), so a test sees what the wire would have carried; once
 * `SmtpTestingModule` has given it the app's logger, it logs "New email" and "Failed to send
 * email" as the real client does. Provided by `SmtpTestingModule`.
 */
export class InMemorySmtpClient extends SmtpClient {
  private readonly captured: SentEmail[] = [];
  private readonly waiters = new Set<{ filter: SentEmailFilter; resolve: (email: SentEmail) => void }>();
  private readonly failures: SmtpSendError[] = [];
  private readonly sender: Mailbox;
  private readonly signer?: DkimSigner;
  /** Until `SmtpTestingModule` attaches the app's: no log lines, the default channel and boundaries. */
  private context: Omit<SmtpClientContext, 'log'> & Partial<SmtpClientContext> = {
    sends: new SmtpSendPublisher(DEFAULT_SMTP_SEND_CHANNEL),
    boundaryPrefix: DEFAULT_MIME_BOUNDARY_PREFIX,
  };

  /**
   * Enabled, as the real client would be, at a host that does not exist: code that sends only
   * when SMTP is on (the outbox) does send, into memory.
   */
  readonly description: SmtpDescription;

  /**
   * @param from the default sender, as in `SmtpModule`'s `from` option
   * @param options.dkim signs every message as `SmtpModule`'s `dkim` option does: `raw` holds the signature
   */
  constructor(
    readonly from = 'noreply@example.com',
    options: { dkim?: SmtpDkimOptions } = {},
  ) {
    super();
    const sender = parseMailbox(from);
    if (!sender) throw new Error('InMemorySmtpClient: "from" must be an email address, optionally with a name');
    this.sender = sender;
    const { dkim } = options;
    if (dkim) this.signer = DkimSigner.create(dkim);
    this.description = Object.freeze({
      enabled: true,
      host: 'smtp-testing.invalid',
      port: 25,
      security: 'none',
      from,
      poolSize: DEFAULT_SMTP_POOL_SIZE,
      ...(dkim ? { dkim: { domain: dkim.domain, selector: dkim.selector } } : {}),
    });
  }

  /** Every email sent since the start or the last `clear()`, oldest first. */
  get sent(): readonly SentEmail[] {
    return this.captured;
  }

  send(message: SmtpMessage, options: SmtpSendOptions = {}): Promise<SmtpSendResult> {
    return Promise.resolve().then(() => this.capture(message, options));
  }

  async verify(): Promise<void> {}

  /** The sent emails that match `filter` (all of them without one). */
  find(filter: SentEmailFilter = {}): SentEmail[] {
    return this.captured.filter((email) => matches(email, filter));
  }

  /** The one sent email that matches `filter`; throws, listing what was sent, unless exactly one does. */
  expectSent(filter: SentEmailFilter): SentEmail {
    const found = this.find(filter);
    if (found.length !== 1)
      throw new Error(`Expected 1 email matching ${describe(filter)}, found ${found.length}${this.listing()}`);
    return found[0];
  }

  /**
   * Resolves with the first email matching `filter`, already sent or sent within `timeoutMs`: for
   * emails sent in the background (the outbox's worker sends a moment after the request).
   */
  waitFor(filter: SentEmailFilter, timeoutMs = DEFAULT_WAIT_MS): Promise<SentEmail> {
    const already = this.find(filter)[0];
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter = {
        filter,
        resolve: (email: SentEmail) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(email);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`No email matching ${describe(filter)} within ${timeoutMs} ms${this.listing()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /**
   * Makes the next send reject with `error`, as a refusing or unreachable server would, e.g.
   * `new SmtpSendError('451 4.7.1 Try again later', { responseCode: 451, enhancedStatus: '4.7.1', permanent: false })`.
   * Calls queue up: one error per send.
   */
  failNext(error: SmtpSendError): void {
    this.failures.push(error);
  }

  /**
   * @internal Logs, publishes and names boundaries as `context` says from now on
   * (`SmtpTestingModule` passes the app's).
   */
  attach(context: SmtpClientContext): this {
    this.context = context;
    return this;
  }

  /** Forgets every captured email and queued failure: call it between tests. */
  clear(): void {
    this.captured.length = 0;
    this.failures.length = 0;
  }

  private capture(message: SmtpMessage, options: SmtpSendOptions): SmtpSendResult {
    const started = performance.now();
    const composed = this.compose(message);
    const failure = composed instanceof SmtpSendError ? composed : this.failures.shift();
    if (failure) {
      this.context.sends.publish(started, failure);
      this.context.log?.failed(failure, message.messageId, options.attempt);
      throw failure;
    }
    const email = composed as SentEmail;
    this.context.log?.newEmail(email);
    this.captured.push(email);
    this.context.sends.publish(started);
    for (const waiter of this.waiters) if (matches(email, waiter.filter)) waiter.resolve(email);
    return { sent: true, messageId: email.messageId, accepted: email.to, rejected: [], response: '250 Captured' };
  }

  private compose(message: SmtpMessage): SentEmail | SmtpSendError {
    try {
      const { envelope, raw, messageId } = composeMessage(
        this.sender,
        message,
        this.context.boundaryPrefix,
        this.signer,
      );
      const { subject, text, html } = message;
      return { envelope, from: message.from ?? this.from, to: envelope.to, subject, text, html, messageId, raw };
    } catch (error) {
      if (error instanceof InvalidSmtpMessageError) return SmtpSendError.fromInvalidMessage(error);
      throw error;
    }
  }

  private listing(): string {
    if (this.captured.length === 0) return '; nothing was sent';
    return `; sent:\n${this.captured.map((email) => `  to ${email.to.join(', ')}: ${JSON.stringify(email.subject)}`).join('\n')}`;
  }
}

function matches(email: SentEmail, filter: SentEmailFilter): boolean {
  const to = filter.to?.toLowerCase();
  return (
    (to === undefined || email.to.some((recipient) => recipient.toLowerCase() === to)) &&
    (filter.from === undefined || email.envelope.from.toLowerCase() === filter.from.toLowerCase()) &&
    matchesText(email.subject, filter.subject) &&
    matchesText(email.text, filter.text)
  );
}

function matchesText(value: string, expected: string | RegExp | undefined): boolean {
  if (expected === undefined) return true;
  return typeof expected === 'string' ? value === expected : expected.test(value);
}

function describe(filter: SentEmailFilter): string {
  return Object.keys(filter).length === 0
    ? 'anything'
    : JSON.stringify(filter, (_key, value: unknown) => (value instanceof RegExp ? String(value) : value));
}
