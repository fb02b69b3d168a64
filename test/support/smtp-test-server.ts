import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import {
  SMTPServer,
  type SMTPServerAddress,
  type SMTPServerAuthentication,
  type SMTPServerAuthenticationResponse,
  type SMTPServerSession,
} from 'smtp-server';
import type { TestCertificates } from './test-certificates';

/** One message the server accepted (replied 250 to). */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** The DATA bytes, after the server undid dot-stuffing. */
  raw: Buffer;
  /** Whether the session was encrypted (STARTTLS) when DATA arrived. */
  secure: boolean;
  /** The authenticated user, if any. */
  user?: string;
  /** Whether the 250 reply reached a still-open connection (false: the client hung up first). */
  acknowledged: boolean;
}

export interface SmtpTestServerOptions {
  /** Offer STARTTLS with this certificate; without it the server speaks plain SMTP only. */
  certificates?: TestCertificates;
  /** Require AUTH with these credentials. */
  auth?: { user: string; pass: string };
  /** Wait this long after the message's last byte before replying 250 (a slow server). */
  dataDelayMs?: number;
  /** Recipients refused with `550 5.1.1 Mailbox does not exist`. */
  unknownRecipients?: string[];
  /**
   * Replies to the first messages' DATA, in order; later messages get 250. A code gets a stock
   * text (`451` → `451 4.7.1 Try again later`, a throttle; `550` → `550 5.7.1 Refused`); a string
   * is the whole reply, e.g. `'451 4.3.0 Temporary failure'` for a transient failure that is not one.
   */
  dataReplies?: (number | string)[];
  /** Recipients refused at RCPT TO with these replies, e.g. `{ 'ghost@…': '550 5.1.1 user unknown' }`. */
  recipientReplies?: Record<string, string>;
  /** Listen on this port instead of a free one. */
  port?: number;
  /** Offer AUTH XOAUTH2 too, for this mailbox, accepting the tokens in `tokens` (changed as the test goes). */
  xoauth2?: XOAuth2Account;
}

/** A mailbox that authenticates with OAuth2 bearer tokens. */
export interface XOAuth2Account {
  user: string;
  /** The tokens accepted right now. */
  tokens: Set<string>;
  /**
   * How a refused token is answered: `challenge`, a 334 with an error JSON and then 535 (RFC 7628,
   * Gmail), or `reply`, a plain `535 5.7.3 Authentication unsuccessful` (Microsoft 365).
   */
  refusal: 'challenge' | 'reply';
}

/** An error smtp-server sends as `<responseCode> <message>`. */
function smtpReply(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/** `'451 4.3.0 Temporary failure'` as smtp-server sends it. */
function fullReply(reply: string): Error {
  const [, code, text] = /^(\d{3}) (.*)$/.exec(reply) ?? [];
  return smtpReply(Number(code), text);
}

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 and a free port, recording every
 * message and every AUTH attempt. Its AUTH failure reply mimics the operator doc's example.
 */
export class SmtpTestServer {
  /** Messages the server replied 250 to (or tried to: see `acknowledged`), in order. */
  readonly received: ReceivedMail[] = [];
  /** Every DATA transmission, accepted or refused. */
  dataAttempts = 0;
  /** When each DATA transmission began (`Date.now()`), in order. */
  readonly dataStartedAt: number[] = [];
  /** Every connection a client opened. */
  connections = 0;
  /** The address of every RCPT TO, accepted or refused, in order. */
  readonly rcptTo: string[] = [];
  readonly authAttempts: { user: string; secure: boolean }[] = [];
  /** The bearer tokens presented with AUTH XOAUTH2, in order. */
  readonly xoauth2Tokens: string[] = [];
  private readonly server: SMTPServer;
  private readonly openSessions = new Set<string>();
  private waiters: (() => void)[] = [];

  private constructor(private readonly options: SmtpTestServerOptions) {
    this.server = new SMTPServer({
      logger: false,
      disableReverseLookup: true,
      ...(options.certificates
        ? { key: options.certificates.serverKey, cert: options.certificates.serverCert }
        : { disabledCommands: ['STARTTLS'], allowInsecureAuth: true }),
      authOptional: !options.auth && !options.xoauth2,
      authMethods: options.xoauth2 ? ['PLAIN', 'LOGIN', 'XOAUTH2'] : ['PLAIN', 'LOGIN'],
      onConnect: (session, callback) => {
        this.connections += 1;
        this.openSessions.add(session.id);
        callback();
      },
      onClose: (session) => this.openSessions.delete(session.id),
      onAuth: (auth, session, callback) => callback(...this.authenticate(auth, session)),
      onRcptTo: (address, _session, callback) => callback(this.checkRecipient(address)),
      onData: (stream, session, callback) => this.receive(stream, session, callback),
    });
  }

  static async start(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
    const instance = new SmtpTestServer(options);
    await new Promise<void>((resolve, reject) => {
      instance.server.once('error', reject);
      instance.server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return instance;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  /** `127.0.0.1:<port>`, the value for SMTP_ADDRESS. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Resolves once `count` messages have arrived; rejects after `timeoutMs`. */
  async waitForMessages(count: number, timeoutMs = 10_000): Promise<ReceivedMail[]> {
    await this.until(
      () => this.received.length >= count,
      timeoutMs,
      () => `expected ${count} message(s), received ${this.received.length}`,
    );
    return this.received.slice(0, count);
  }

  /** Resolves once a client has started sending a message's DATA. */
  async waitForDataStarted(timeoutMs = 10_000): Promise<void> {
    await this.until(
      () => this.dataAttempts > 0,
      timeoutMs,
      () => 'no DATA started',
    );
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private authenticate(
    auth: SMTPServerAuthentication,
    session: SMTPServerSession,
  ): [Error | null, SMTPServerAuthenticationResponse?] {
    this.authAttempts.push({ user: auth.username ?? '', secure: session.secure });
    if (auth.method === 'XOAUTH2') return this.authenticateBearer(auth);
    const { user, pass } = this.options.auth ?? {};
    if (auth.username === user && auth.password === pass) return [null, { user }];
    return [smtpReply(535, '5.7.8 Error: authentication failed: Invalid user or password!')];
  }

  private authenticateBearer(auth: SMTPServerAuthentication): [Error | null, SMTPServerAuthenticationResponse?] {
    const account = this.options.xoauth2;
    const token = auth.accessToken ?? '';
    this.xoauth2Tokens.push(token);
    if (account && auth.username === account.user && account.tokens.has(token)) return [null, { user: account.user }];
    if (account?.refusal === 'reply') return [smtpReply(535, '5.7.3 Authentication unsuccessful')];
    // No user: smtp-server answers 334 with this JSON, then 535 to the client's empty reply.
    return [null, { user: undefined, data: { status: '401', schemes: 'bearer', scope: 'https://mail.google.com/' } }];
  }

  private checkRecipient({ address }: SMTPServerAddress): Error | undefined {
    this.rcptTo.push(address);
    const reply = this.options.recipientReplies?.[address];
    if (reply !== undefined) return fullReply(reply);
    if (!this.options.unknownRecipients?.includes(address)) return undefined;
    return smtpReply(550, '5.1.1 Mailbox does not exist');
  }

  private receive(stream: Readable, session: SMTPServerSession, callback: (error?: Error | null) => void): void {
    const reply = this.options.dataReplies?.[this.dataAttempts];
    this.dataAttempts += 1;
    this.dataStartedAt.push(Date.now());
    this.wakeWaiters();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      if (reply !== undefined && reply !== 250) {
        callback(
          typeof reply === 'string'
            ? fullReply(reply)
            : smtpReply(reply, reply < 500 ? '4.7.1 Try again later' : '5.7.1 Refused'),
        );
        return;
      }
      const mail: ReceivedMail = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        raw: Buffer.concat(chunks),
        secure: session.secure,
        user: typeof session.user === 'string' ? session.user : undefined,
        acknowledged: false,
      };
      setTimeout(() => {
        mail.acknowledged = this.openSessions.has(session.id);
        callback();
        this.received.push(mail);
        this.wakeWaiters();
      }, this.options.dataDelayMs ?? 0).unref();
    });
  }

  private async until(done: () => boolean, timeoutMs: number, failure: () => string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(failure());
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private wakeWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }
}
