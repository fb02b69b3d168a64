import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { PinoLogger } from 'nestjs-pino';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { SmtpDescription } from './interfaces/smtp-description.interface.js';
import type { SmtpEnabledOptions } from './interfaces/smtp-module-options.interface.js';
import type { SmtpMessage, SmtpSendOptions } from './interfaces/smtp-message.interface.js';
import type { SmtpSendResult } from './interfaces/smtp-send-result.interface.js';
import type { Mailbox } from './mailbox.js';
import { composeMessage, InvalidSmtpMessageError } from './message-composer.js';
import { DkimSigner } from './dkim/dkim.signer.js';
import { createTokenSource, transportAuth } from './oauth2/oauth2-authentication.js';
import { OAuth2TokenError } from './oauth2/oauth2-token.error.js';
import type { OAuth2TokenSource } from './oauth2/oauth2-token.source.js';
import { SmtpClient } from './smtp.client.js';
import {
  DEFAULT_SMTP_POOL_SIZE,
  DEFAULT_SMTP_TIMEOUTS,
  SMTP_MESSAGES_PER_CONNECTION,
  SMTP_SHUTDOWN_GRACE_MS,
  SmtpLogMessage,
} from './smtp.constants.js';
import type { SmtpClientContext } from './smtp-client.context.js';
import { SmtpSendError } from './smtp-send.error.js';

/**
 * The client when SMTP is configured: one pooled nodemailer transport per process, every send
 * logged as the doc shows.
 */
export class NodemailerSmtpClient extends SmtpClient implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly description: Extract<SmtpDescription, { enabled: true }>;
  private readonly transport: Transporter<SMTPPool.SentMessageInfo>;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** The shared access token, with `auth.type: 'oauth2'`. */
  private readonly tokens?: OAuth2TokenSource;
  private readonly signer?: DkimSigner;

  private readonly logger: PinoLogger;

  constructor(
    private readonly options: SmtpEnabledOptions,
    private readonly sender: Mailbox,
    private readonly context: SmtpClientContext,
  ) {
    super();
    this.logger = context.log.logger;
    const { host, port, security, from, poolSize = DEFAULT_SMTP_POOL_SIZE, rateLimit, auth, dkim } = options;
    if (auth?.type === 'oauth2') {
      const timeoutMs = options.timeouts?.connection ?? DEFAULT_SMTP_TIMEOUTS.connection;
      this.tokens = createTokenSource(auth, timeoutMs, this.logger);
    }
    if (dkim) this.signer = DkimSigner.create(dkim);
    this.transport = createTransport(transportOptions(options, this.tokens));
    this.description = Object.freeze({
      enabled: true,
      host,
      port,
      security,
      from,
      poolSize,
      rateLimit,
      // Named only when set, so a description without them reads as it always did.
      ...(auth?.type === 'oauth2' ? { auth: 'oauth2' as const } : {}),
      ...(dkim ? { dkim: { domain: dkim.domain, selector: dkim.selector } } : {}),
    });
  }

  send(message: SmtpMessage, options: SmtpSendOptions = {}): Promise<SmtpSendResult> {
    return this.track(this.deliver(message, options));
  }

  async verify(): Promise<void> {
    try {
      await this.authenticated(() => this.transport.verify());
    } catch (error) {
      throw this.toSendError(error);
    }
  }

  onApplicationBootstrap(): void {
    const { host, port, security, from, poolSize, rateLimit, auth: method, dkim } = this.description;
    const { auth } = this.options;
    this.logger.info(
      { host, port, security, username: auth?.user, auth: method, from, poolSize, rateLimit, dkim },
      SmtpLogMessage.enabled,
    );
    if (auth && security === 'none') this.logger.warn({ host, port }, SmtpLogMessage.cleartextCredentials);
    // Runs in the background: a slow or wrong server must not delay or fail startup.
    void this.track(this.checkConnection());
  }

  async onApplicationShutdown(): Promise<void> {
    const grace = sleep(SMTP_SHUTDOWN_GRACE_MS, 'timeout', { ref: false });
    if ((await Promise.race([Promise.allSettled(this.inFlight), grace])) === 'timeout') {
      this.logger.warn({ inFlight: this.inFlight.size }, SmtpLogMessage.shutdownTimedOut);
    }
    this.transport.close();
  }

  private async deliver(message: SmtpMessage, options: SmtpSendOptions): Promise<SmtpSendResult> {
    const started = performance.now();
    let messageId = message.messageId;
    try {
      const composed = composeMessage(this.sender, message, this.context.boundaryPrefix, this.signer);
      messageId = composed.messageId;
      this.context.log.newEmail(composed);
      // With the Message-ID given, nodemailer skips generating one of its own (randomBytes per
      // message: a quarter of the CPU a send costs).
      const mail = { envelope: composed.envelope, raw: composed.raw, messageId: composed.messageId };
      const info = await this.authenticated(() => this.transport.sendMail(mail));
      this.context.sends.publish(started);
      return {
        sent: true,
        messageId: composed.messageId,
        accepted: info.accepted.map(String),
        rejected: info.rejected.map(String),
        response: info.response,
      };
    } catch (error) {
      const failure = this.toSendError(error);
      this.context.sends.publish(started, failure);
      this.context.log.failed(failure, messageId, options.attempt);
      throw failure;
    }
  }

  private async checkConnection(): Promise<void> {
    try {
      await this.verify();
      const { host, port, auth } = this.options;
      // `authenticated`: the server accepted the credentials too, not only the connection.
      this.logger.info({ host, port, authenticated: auth !== undefined }, SmtpLogMessage.connectionVerified);
    } catch (error) {
      this.logger.warn({ error: (error as SmtpSendError).message }, SmtpLogMessage.connectionCheckFailed);
    }
  }

  private toSendError(error: unknown): SmtpSendError {
    if (error instanceof InvalidSmtpMessageError) return SmtpSendError.fromInvalidMessage(error);
    // The token endpoint's failure names the endpoint, not the SMTP server; it may be back soon.
    if (error instanceof OAuth2TokenError) return new SmtpSendError(error.message, { permanent: false, cause: error });
    return SmtpSendError.fromTransportError(error, this.options);
  }

  /** Runs `work`, which authenticates: with OAuth2, once more after a refused token (see `renewingRefused`). */
  private authenticated<T>(work: () => Promise<T>): Promise<T> {
    return this.tokens ? this.tokens.renewingRefused(work) : work();
  }

  /** Remembers a send until it settles, so shutdown can wait for it. */
  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const forget = () => this.inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }
}

function transportOptions(options: SmtpEnabledOptions, tokens: OAuth2TokenSource | undefined): SMTPPool.Options {
  const timeouts = { ...DEFAULT_SMTP_TIMEOUTS, ...options.timeouts };
  return {
    pool: true,
    maxConnections: options.poolSize ?? DEFAULT_SMTP_POOL_SIZE,
    maxMessages: SMTP_MESSAGES_PER_CONNECTION,
    ...(options.rateLimit ? { rateLimit: options.rateLimit, rateDelta: 1000 } : {}),
    host: options.host,
    port: options.port,
    secure: options.security === 'tls',
    requireTLS: options.security === 'starttls',
    ignoreTLS: options.security === 'none',
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
