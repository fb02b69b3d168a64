/** Logger name of the outbox worker's own lines (send failures are logged by `server.api.smtpClient`). */
export const OUTBOX_LOGGER_NAME = 'server.outbox';

/** How often an idle worker looks for due emails. */
export const OUTBOX_POLL_INTERVAL_MS = 250;

/** How long the worker waits before reading the outbox again after the database failed. */
export const OUTBOX_DATABASE_RETRY_MS = 5_000;

/** Claim-and-send loops per worker, so the database round trips of one overlap the sends of the other. */
export const OUTBOX_LOOPS = 2;

/** Emails claimed per round for each pooled SMTP connection. */
export const OUTBOX_BATCH_PER_CONNECTION = 20;

/** How long shutdown waits for the emails being sent before it lets the process exit. */
export const OUTBOX_SHUTDOWN_GRACE_MS = 10_000;

/** How often sent emails older than the retention period are deleted. */
export const OUTBOX_PRUNE_INTERVAL_MS = 60 * 60 * 1000;

/** How often the worker reads the throttle pauses other instances recorded. */
export const OUTBOX_SHARED_PAUSE_READ_MS = 1_000;

/** Log messages of `server.outbox`. */
export const OutboxLogMessage = {
  shutdownTimedOut: 'Stopped waiting for emails being sent; they will be retried after their lease',
  cannotClaim: 'Cannot read the email outbox',
  cannotRecordSent: 'Cannot record sent emails',
  cannotRecordFailure: 'Cannot record the outcome of a send',
  pruned: 'Pruned sent emails',
  cannotPrune: 'Cannot prune sent emails',
} as const;
