import type { SmtpThrottleBackoff, SmtpTimeouts } from './interfaces/smtp-module-options.interface.js';

/**
 * The logger name on every line of the SMTP client, unless `SmtpModule`'s `loggerName` says
 * otherwise: the one the operator doc shows.
 */
export const SMTP_LOGGER_NAME = 'server.api.smtpClient';

/**
 * The `diagnostics_channel` every send is published on, unless `SmtpModule`'s `sendChannel`
 * says otherwise. Subscribe with `channel(DEFAULT_SMTP_SEND_CHANNEL)` from `node:diagnostics_channel`.
 */
export const DEFAULT_SMTP_SEND_CHANNEL = 'nestjs-smtp:send';

/** How multipart boundaries begin, unless `SmtpModule`'s `mimeBoundaryPrefix` says otherwise. */
export const DEFAULT_MIME_BOUNDARY_PREFIX = '_NestSmtp_';

export const DEFAULT_SMTP_TIMEOUTS: Readonly<SmtpTimeouts> = Object.freeze({
  connection: 10_000,
  greeting: 10_000,
  socket: 30_000,
});

/** Connections in the pool unless `poolSize` says otherwise. */
export const DEFAULT_SMTP_POOL_SIZE = 5;

/** Messages sent over one pooled connection before it is replaced. */
export const SMTP_MESSAGES_PER_CONNECTION = 100;

/** How long a server that could not be reached is skipped, unless `failoverRetryMs` says otherwise. */
export const DEFAULT_SMTP_FAILOVER_RETRY_MS = 30_000;

/** The pause after a throttling reply, unless `throttleBackoff` says otherwise. */
export const DEFAULT_SMTP_THROTTLE_BACKOFF: Readonly<SmtpThrottleBackoff> = Object.freeze({
  initialMs: 5_000,
  maxMs: 300_000,
});

/** How long shutdown waits for sends in flight before closing the transport. */
export const SMTP_SHUTDOWN_GRACE_MS = 10_000;

/** Log messages of the SMTP client; the first two are quoted from the operator doc. */
export const SmtpLogMessage = {
  newEmail: 'New email',
  sendFailed: 'Failed to send email',
  enabled: 'SMTP client enabled',
  cleartextCredentials:
    'SMTP credentials will cross the network unencrypted (plain SMTP); use port 587 (STARTTLS) or SMTP_TLS=starttls',
  connectionVerified: 'SMTP connection check passed',
  connectionCheckFailed: 'SMTP connection check failed; emails will fail until this is fixed',
  shutdownTimedOut: 'Stopped waiting for emails in flight at shutdown',
  serverDown: 'SMTP server marked down; sending through the next one',
  serverBack: 'SMTP server is back',
  serverInUse: 'SMTP server in use',
  throttled: 'SMTP server throttles; sending to it is paused',
  resumed: 'SMTP sending resumed',
  tokenObtained: 'OAuth2 access token obtained',
} as const;
