import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { PinoLogger } from 'nestjs-pino';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SmtpDescription } from './interfaces/smtp-description.interface.js';
import type { SmtpEnabledOptions } from './interfaces/smtp-module-options.interface.js';
import type { SmtpMessage, SmtpSendOptions } from './interfaces/smtp-message.interface.js';
import type { SmtpSendResult } from './interfaces/smtp-send-result.interface.js';
import type { SmtpServerState, SmtpThrottlePause } from './interfaces/smtp-server-state.interface.js';
import type { Mailbox } from './mailbox.js';
import { composeMessage, InvalidSmtpMessageError } from './message-composer.js';
import { recipientRefusalsOf } from './recipient-refusals.js';
import { DkimSigner } from './dkim/dkim.signer.js';
import { createTokenSource } from './oauth2/oauth2-authentication.js';
import { SmtpClient } from './smtp.client.js';
import {
  DEFAULT_SMTP_POOL_SIZE,
  DEFAULT_SMTP_TIMEOUTS,
  SMTP_SHUTDOWN_GRACE_MS,
  SmtpLogMessage,
} from './smtp.constants.js';
import type { SmtpClientContext } from './smtp-client.context.js';
import { SmtpSendError } from './smtp-send.error.js';
import { SmtpServerPool } from './smtp-server-pool.js';

/**
 * The client when SMTP is configured: one pooled nodemailer transport per server (see
 * {@link SmtpServerPool} for failover and throttling), every send logged as the doc shows.
 */
export class NodemailerSmtpClient extends SmtpClient implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly description: Extract<SmtpDescription, { enabled: true }>;
  private readonly servers: SmtpServerPool;
  private readonly inFlight = new Set<Promise<unknown>>();
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
    const tokens =
      auth?.type === 'oauth2'
        ? createTokenSource(auth, options.timeouts?.connection ?? DEFAULT_SMTP_TIMEOUTS.connection, this.logger)
        : undefined;
    if (dkim) this.signer = DkimSigner.create(dkim);
    this.servers = new SmtpServerPool(options, this.logger, tokens);
    const [, ...failover] = this.servers.addresses;
    this.description = Object.freeze({
      enabled: true,
      host,
      port,
      security,
      from,
      poolSize,
      rateLimit,
      ...(failover.length > 0 ? { failover: Object.freeze(failover.map((server) => Object.freeze(server))) } : {}),
      // Named only when set, so a description without them reads as it always did.
      ...(auth?.type === 'oauth2' ? { auth: 'oauth2' as const } : {}),
      ...(dkim ? { dkim: { domain: dkim.domain, selector: dkim.selector } } : {}),
    });
  }

  send(message: SmtpMessage, options: SmtpSendOptions = {}): Promise<SmtpSendResult> {
    return this.track(this.deliver(message, options));
  }

  async verify(): Promise<void> {
    await this.servers.verify();
  }

  override serverStates(): SmtpServerState[] {
    return this.servers.states();
  }

  override pausedUntil(): Date | undefined {
    return this.servers.pausedUntil();
  }

  override honourPause(pause: SmtpThrottlePause): void {
    this.servers.honour(pause);
  }

  onApplicationBootstrap(): void {
    const { host, port, security, from, poolSize, rateLimit, failover, auth: method, dkim } = this.description;
    const { auth } = this.options;
    this.logger.info(
      { host, port, security, failover, username: auth?.user, auth: method, from, poolSize, rateLimit, dkim },
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
    this.servers.close();
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
      const info = await this.servers.send({
        envelope: composed.envelope,
        raw: composed.raw,
        messageId: composed.messageId,
      });
      this.context.sends.publish(started);
      const refusals = recipientRefusalsOf(info);
      return {
        sent: true,
        messageId: composed.messageId,
        accepted: info.accepted.map(String),
        rejected: info.rejected.map(String),
        ...(refusals.length > 0 ? { refusals } : {}),
        response: info.response,
      };
    } catch (error) {
      const failure = this.toSendError(error);
      // Nothing was sent (every server is paused): the pause's one warning says it all.
      if (!failure.attempted) throw failure;
      this.context.sends.publish(started, failure);
      this.context.log.failed(failure, messageId, options.attempt);
      throw failure;
    }
  }

  private async checkConnection(): Promise<void> {
    try {
      const { host, port } = await this.servers.verify();
      const { auth } = this.options;
      // `authenticated`: the server accepted the credentials too, not only the connection.
      this.logger.info({ host, port, authenticated: auth !== undefined }, SmtpLogMessage.connectionVerified);
    } catch (error) {
      this.logger.warn({ error: (error as SmtpSendError).message }, SmtpLogMessage.connectionCheckFailed);
    }
  }

  private toSendError(error: unknown): SmtpSendError {
    if (error instanceof InvalidSmtpMessageError) return SmtpSendError.fromInvalidMessage(error);
    if (error instanceof SmtpSendError) return error;
    return SmtpSendError.fromTransportError(error, this.options);
  }

  /** Remembers a send until it settles, so shutdown can wait for it. */
  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const forget = () => this.inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }
}
