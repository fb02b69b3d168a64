import type { PinoLogger } from 'nestjs-pino';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type {
  SmtpEnabledOptions,
  SmtpSecurity,
  SmtpThrottleBackoff,
} from './interfaces/smtp-module-options.interface.js';
import type { SmtpServerState, SmtpThrottlePause } from './interfaces/smtp-server-state.interface.js';
import { transportAuth } from './oauth2/oauth2-authentication.js';
import { OAuth2TokenError } from './oauth2/oauth2-token.error.js';
import type { OAuth2TokenSource } from './oauth2/oauth2-token.source.js';
import { SendSlots } from './send-slots.js';
import { serverLabel } from './smtp-address.js';
import {
  DEFAULT_SMTP_FAILOVER_RETRY_MS,
  DEFAULT_SMTP_POOL_SIZE,
  DEFAULT_SMTP_THROTTLE_BACKOFF,
  DEFAULT_SMTP_TIMEOUTS,
  SMTP_MESSAGES_PER_CONNECTION,
  SmtpLogMessage,
} from './smtp.constants.js';
import { failureKind } from './smtp-failure.js';
import { SmtpSendError } from './smtp-send.error.js';
import { throttlePauseMs } from './throttle-backoff.js';

/** One configured server: its own pooled transport, and what the pool knows about it. */
interface PooledServer {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSecurity;
  /** `host:port`, as logs and `/health` name it. */
  readonly label: string;
  readonly transport: Transporter<SMTPPool.SentMessageInfo>;
  readonly slots: SendSlots;
  down?: { error: string; retryAt: Date };
  paused?: SmtpThrottlePause;
  /** Throttling replies since its last success: each doubles the next pause. */
  throttles: number;
  /** A pause began and no send has succeeded since: the next success logs "resumed". */
  resumePending: boolean;
}

/** What the pool sends: nodemailer's raw form. */
export type PoolMail = Parameters<Transporter<SMTPPool.SentMessageInfo>['sendMail']>[0];

/**
 * The configured servers, tried in order. A server that cannot be reached is marked down and
 * skipped for `failoverRetryMs` (then tried first again); one that throttles is paused for a
 * backoff, and no pooled connection sends to it meanwhile. State changes are logged once each.
 * With a single server nothing is marked down (there is nowhere else to go): every send tries
 * it, as before failover existed.
 */
export class SmtpServerPool {
  private readonly servers: PooledServer[];
  private inUse: PooledServer;
  private readonly retryMs: number;
  private readonly backoff: SmtpThrottleBackoff;

  constructor(
    options: SmtpEnabledOptions,
    private readonly logger: PinoLogger,
    /** The access token shared by every server's connections, with `auth.type: 'oauth2'`. */
    private readonly tokens?: OAuth2TokenSource,
  ) {
    const first = { host: options.host, port: options.port, security: options.security };
    const rest = (options.failover ?? []).map((server) => ({
      ...server,
      security: server.security ?? options.security,
    }));
    this.servers = [first, ...rest].map((server) => ({
      ...server,
      label: serverLabel(server),
      transport: createTransport(transportOptions(options, server, tokens)),
      slots: new SendSlots(options.poolSize ?? DEFAULT_SMTP_POOL_SIZE),
      throttles: 0,
      resumePending: false,
    }));
    this.inUse = this.servers[0];
    this.retryMs = options.failoverRetryMs ?? DEFAULT_SMTP_FAILOVER_RETRY_MS;
    this.backoff = { ...DEFAULT_SMTP_THROTTLE_BACKOFF, ...options.throttleBackoff };
  }

  /** Every server as `{ host, port, security }`, in order. */
  get addresses(): { host: string; port: number; security: SmtpSecurity }[] {
    return this.servers.map(({ host, port, security }) => ({ host, port, security }));
  }

  /** Sends through the first server that takes it; rejects with an `SmtpSendError`. */
  async send(mail: PoolMail): Promise<SMTPPool.SentMessageInfo> {
    return this.through(async (server) => {
      const release = await server.slots.acquire();
      try {
        // The turn may have come after the server paused: then choose again.
        if (this.activePause(server)) return undefined;
        return { value: await this.authenticated(() => server.transport.sendMail(mail)) };
      } finally {
        release();
      }
    });
  }

  /**
   * Opens a session with the first server that answers, checking the credentials, and sends
   * nothing; resolves with that server.
   */
  async verify(): Promise<{ host: string; port: number }> {
    return this.through(async ({ host, port, transport }) => {
      await this.authenticated(() => transport.verify());
      return { value: { host, port } };
    });
  }

  /** When every server is paused: when the earliest pause ends. Otherwise undefined: sending may go on. */
  pausedUntil(): Date | undefined {
    const pauses = this.servers.map((server) => this.activePause(server));
    if (pauses.some((pause) => pause === undefined)) return undefined;
    return new Date(Math.min(...pauses.map((pause) => (pause as SmtpThrottlePause).until.getTime())));
  }

  /** Pauses a server as another process saw it throttle (a pause read from a shared store). */
  honour(pause: SmtpThrottlePause): void {
    const server = this.servers.find((candidate) => candidate.label === pause.server);
    if (!server || pause.until.getTime() <= (this.activePause(server)?.until.getTime() ?? Date.now())) return;
    this.startPause(server, pause, true);
  }

  /** Each server; `inUse` is the one that last took a message (or answered a check). */
  states(): SmtpServerState[] {
    return this.servers.map((server) => ({
      server: server.label,
      inUse: server === this.inUse,
      ...(server.down && this.servers.length > 1 ? { down: server.down } : {}),
      ...(this.activePause(server) ? { paused: server.paused } : {}),
    }));
  }

  close(): void {
    this.servers.forEach((server) => server.transport.close());
  }

  /** Runs `work`, which authenticates: with OAuth2, once more after a refused token (see `renewingRefused`). */
  private authenticated<T>(work: () => Promise<T>): Promise<T> {
    return this.tokens ? this.tokens.renewingRefused(work) : work();
  }

  /**
   * Runs `work` on the chosen server, then on the next while a server is unreachable or throttles.
   * `work` resolves undefined to skip a server that paused while the send waited for its turn.
   */
  private async through<T>(work: (server: PooledServer) => Promise<{ value: T } | undefined>): Promise<T> {
    const tried = new Set<PooledServer>();
    let last: SmtpSendError | undefined;
    for (let server = this.choose(tried); server; server = this.choose(tried)) {
      tried.add(server);
      try {
        const done = await work(server);
        if (!done) continue;
        this.succeeded(server);
        return done.value;
      } catch (error) {
        const { failure, tryNext } = this.failed(server, error);
        if (!tryNext) throw failure;
        last = failure;
      }
    }
    throw last ?? SmtpSendError.fromPause(this.earliestPause());
  }

  /**
   * The first server not tried yet that is neither paused nor down (a down server whose retry
   * time has come counts as up); failing that, the first one down but not paused.
   */
  private choose(tried: Set<PooledServer>): PooledServer | undefined {
    const untried = this.servers.filter((server) => !tried.has(server) && !this.activePause(server));
    return untried.find((server) => this.usable(server)) ?? untried[0];
  }

  private usable(server: PooledServer): boolean {
    return !this.activePause(server) && !(server.down && server.down.retryAt.getTime() > Date.now());
  }

  private activePause(server: PooledServer): SmtpThrottlePause | undefined {
    return server.paused && server.paused.until.getTime() > Date.now() ? server.paused : undefined;
  }

  /** The pause that ends first among servers paused now (there is one when no server could be chosen). */
  private earliestPause(): SmtpThrottlePause {
    const pauses = this.servers.flatMap((server) => this.activePause(server) ?? []);
    return pauses.reduce((earliest, pause) => (pause.until < earliest.until ? pause : earliest));
  }

  private succeeded(server: PooledServer): void {
    server.throttles = 0;
    if (server.resumePending) {
      server.resumePending = false;
      this.logger.info({ server: server.label }, SmtpLogMessage.resumed);
    }
    if (this.servers.length === 1) return;
    if (server.down) {
      server.down = undefined;
      this.logger.info({ server: server.label }, SmtpLogMessage.serverBack);
    }
    if (server !== this.inUse) {
      this.inUse = server;
      this.logger.info({ server: server.label }, SmtpLogMessage.serverInUse);
    }
  }

  /**
   * Records what a failure says about `server`: the error as the caller should see it, and
   * whether another server may take the message.
   */
  private failed(server: PooledServer, error: unknown): { failure: SmtpSendError; tryNext: boolean } {
    // The token endpoint's failure says nothing of this server (another would need a token too),
    // and names the endpoint, not the server; it may be back soon.
    if (error instanceof OAuth2TokenError) {
      return { failure: new SmtpSendError(error.message, { permanent: false, cause: error }), tryNext: false };
    }
    const kind = failureKind(error);
    if (kind === 'throttled') {
      const throttle = this.activePause(server) ?? this.throttled(server, error);
      return { failure: SmtpSendError.fromTransportError(error, server, throttle), tryNext: true };
    }
    const failure = SmtpSendError.fromTransportError(error, server);
    if (kind === 'unreachable' && this.servers.length > 1) this.markDown(server, failure.message);
    return { failure, tryNext: kind === 'unreachable' };
  }

  /** A throttling reply while not paused: starts a pause (replies from sends already under way do not extend it). */
  private throttled(server: PooledServer, error: unknown): SmtpThrottlePause {
    const { response } = error as { response?: unknown };
    const reply = typeof response === 'string' ? response.trim() : '';
    server.throttles += 1;
    const until = new Date(Date.now() + throttlePauseMs(reply, server.throttles, this.backoff));
    const pause = { server: server.label, until, reply };
    this.startPause(server, pause, false);
    return pause;
  }

  private startPause(server: PooledServer, pause: SmtpThrottlePause, shared: boolean): void {
    const wasPaused = this.activePause(server) !== undefined;
    server.paused = pause;
    server.resumePending = true;
    if (wasPaused) return;
    this.logger.warn(
      {
        server: pause.server,
        reply: pause.reply,
        until: pause.until.toISOString(),
        ...(shared ? { shared: true } : {}),
      },
      SmtpLogMessage.throttled,
    );
  }

  private markDown(server: PooledServer, error: string): void {
    const wasDown = server.down !== undefined;
    server.down = { error, retryAt: new Date(Date.now() + this.retryMs) };
    if (wasDown) return;
    this.logger.warn(
      { server: server.label, error, retryAt: server.down.retryAt.toISOString() },
      SmtpLogMessage.serverDown,
    );
  }
}

function transportOptions(
  options: SmtpEnabledOptions,
  server: { host: string; port: number; security: SmtpSecurity },
  tokens: OAuth2TokenSource | undefined,
): SMTPPool.Options {
  const timeouts = { ...DEFAULT_SMTP_TIMEOUTS, ...options.timeouts };
  return {
    pool: true,
    maxConnections: options.poolSize ?? DEFAULT_SMTP_POOL_SIZE,
    maxMessages: SMTP_MESSAGES_PER_CONNECTION,
    ...(options.rateLimit ? { rateLimit: options.rateLimit, rateDelta: 1000 } : {}),
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    auth: transportAuth(options.auth, tokens),
    connectionTimeout: timeouts.connection,
    greetingTimeout: timeouts.greeting,
    socketTimeout: timeouts.socket,
    dnsTimeout: timeouts.connection,
    // nodemailer's own logger would print the AUTH exchange; our lines say all an operator needs.
    logger: false,
    debug: false,
    tls: { minVersion: 'TLSv1.2' },
  };
}
