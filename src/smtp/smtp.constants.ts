import type { SmtpTimeouts } from './interfaces/smtp-module-options.interface';

/** The logger name the operator doc shows on every SMTP client line. */
export const SMTP_LOGGER_NAME = 'server.api.smtpClient';

export const DEFAULT_SMTP_TIMEOUTS: Readonly<SmtpTimeouts> = Object.freeze({
  connection: 10_000,
  greeting: 10_000,
  socket: 30_000,
});

/** Connections in the pool unless `poolSize` says otherwise. */
export const DEFAULT_SMTP_POOL_SIZE = 5;

/** Messages sent over one pooled connection before it is replaced. */
export const SMTP_MESSAGES_PER_CONNECTION = 100;

/** How long shutdown waits for sends in flight before closing the transport. */
export const SMTP_SHUTDOWN_GRACE_MS = 10_000;

/** Log messages of `server.api.smtpClient`; the first two are quoted from the operator doc. */
export const SmtpLogMessage = {
  newEmail: 'New email',
  sendFailed: 'Failed to send email',
  enabled: 'SMTP client enabled',
  cleartextCredentials:
    'SMTP credentials will cross the network unencrypted (plain SMTP); use port 587 (STARTTLS) or SMTP_TLS=starttls',
  connectionVerified: 'SMTP connection check passed',
  connectionCheckFailed: 'SMTP connection check failed; emails will fail until this is fixed',
  shutdownTimedOut: 'Stopped waiting for emails in flight at shutdown',
} as const;
