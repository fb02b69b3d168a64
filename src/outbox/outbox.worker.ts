import type { PinoLogger } from 'nestjs-pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { PeriodicPrune } from '../database/periodic-prune';
import { type SmtpAttempt, type SmtpClient, SmtpSendError } from '@solidpoint/nestjs-smtp';
import type { OutboxConfig } from './outbox.config';
import {
  OUTBOX_DATABASE_RETRY_MS,
  OUTBOX_LOOPS,
  OUTBOX_POLL_INTERVAL_MS,
  OUTBOX_PRUNE_INTERVAL_MS,
  OUTBOX_SHUTDOWN_GRACE_MS,
  OutboxLogMessage,
} from './outbox.constants';
import type { OutboxJob, OutboxRepository } from './outbox.repository';
import type { OutboxSuppressions } from './outbox-suppressions';
import { type OutboxRetryEvent, outboxRetryChannel } from './outbox.diagnostics';
import { retryDelaySeconds } from './retry-policy';
import { describeError } from '../logging/error-description';
import type { ThrottlePause } from './throttle-pause';

/**
 * Sends queued emails: claims due jobs in batches, sends them through `SmtpClient` (without
 * their suppressed recipients, see `OutboxSuppressions`), and records the outcome: sent; retried
 * later with backoff (network errors, timeouts, 4xx); or failed (5xx replies, or attempts used up).
 * A throttle pauses claiming instead (see ThrottlePause).
 */
export class OutboxWorker {
  private readonly stop = new AbortController();
  private running?: Promise<void>;
  private readonly pruning: PeriodicPrune;

  constructor(
    private readonly repository: OutboxRepository,
    private readonly smtp: SmtpClient,
    private readonly config: OutboxConfig,
    private readonly logger: PinoLogger,
    /** Jobs claimed per round; sized so a round ends well within a lease. */
    private readonly batchSize: number,
    private readonly throttle: ThrottlePause,
    private readonly suppressions: OutboxSuppressions,
  ) {
    this.pruning = new PeriodicPrune(() => repository.prune(config.retentionDays), OUTBOX_PRUNE_INTERVAL_MS, {
      logger,
      pruned: OutboxLogMessage.pruned,
      cannotPrune: OutboxLogMessage.cannotPrune,
      fields: { retentionDays: config.retentionDays },
    });
  }

  start(): void {
    // Two loops: while one waits on the database (claiming, recording), the other keeps the
    // SMTP pool busy. SKIP LOCKED gives each its own jobs.
    this.running = Promise.all(Array.from({ length: OUTBOX_LOOPS }, () => this.loop())).then(() => undefined);
    this.pruning.start();
  }

  /** Stops claiming, then waits (bounded) for the emails being sent. Unfinished ones are reclaimed after their lease. */
  async shutdown(): Promise<void> {
    const pruningStopped = this.pruning.stop();
    this.stop.abort();
    const grace = sleep(OUTBOX_SHUTDOWN_GRACE_MS, 'timeout', { ref: false });
    if ((await Promise.race([this.running, grace])) === 'timeout') {
      this.logger.warn(OutboxLogMessage.shutdownTimedOut);
    }
    await pruningStopped;
  }

  private async loop(): Promise<void> {
    while (!this.stop.signal.aborted) {
      const resumeAt = await this.throttle.resumeAt();
      if (resumeAt) {
        await this.pause(resumeAt.getTime() - Date.now());
        continue;
      }
      const jobs = await this.claim();
      if (jobs === undefined) await this.pause(OUTBOX_DATABASE_RETRY_MS);
      else if (jobs.length === 0) await this.pause(OUTBOX_POLL_INTERVAL_MS);
      else await this.deliverAll(jobs);
    }
  }

  /** Due jobs, or `undefined` when the database cannot be reached. */
  private async claim(): Promise<OutboxJob[] | undefined> {
    try {
      return await this.repository.claim(this.batchSize, this.config.leaseSeconds, this.throttle.servers);
    } catch (error) {
      this.logger.error(
        { error: describeError(error), retryInMs: OUTBOX_DATABASE_RETRY_MS },
        OutboxLogMessage.cannotClaim,
      );
      return undefined;
    }
  }

  /** Waits, but not past shutdown. */
  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.stop.signal }).catch(() => undefined);
  }

  /**
   * Sends a batch all at once: the pooled transport runs as many in parallel as it has
   * connections and queues the rest. Successes are recorded together, in one statement.
   */
  private async deliverAll(claimed: OutboxJob[]): Promise<void> {
    const jobs = await this.suppressions.screen(claimed);
    const outcomes = await Promise.all(jobs.map((job) => this.deliver(job)));
    const sent = jobs.filter((_job, index) => outcomes[index]).map((job) => job.id);
    try {
      await this.repository.markSent(sent);
    } catch (error) {
      // They stay claimed; after their lease they are sent again (at-least-once delivery).
      this.logger.error({ error: describeError(error), emails: sent.length }, OutboxLogMessage.cannotRecordSent);
    }
  }

  /**
   * Sends one job; true when the server accepted it, otherwise its failure is recorded. The
   * client logs the failure with this attempt, and its next one is the same `nextAttemptAt` the
   * error gives here, so the logged next attempt is the one stored.
   */
  private async deliver(job: OutboxJob): Promise<boolean> {
    const attempt: SmtpAttempt = {
      attempt: job.attempts,
      maxAttempts: this.config.maxAttempts,
      retryDelayMs: retryDelaySeconds(job.attempts, this.config.retryDelaySeconds) * 1000,
    };
    try {
      const result = await this.smtp.send({ ...job.message, messageId: job.messageId }, { attempt });
      await this.suppressions.recordRefusals(result.refusals ?? [], job.messageId);
      return true;
    } catch (error) {
      // SmtpClient rejects with SmtpSendError; anything else (a consumer's own client) counts as transient.
      const failure =
        error instanceof SmtpSendError
          ? error
          : new SmtpSendError((error as Error).message, { permanent: false, cause: error });
      await this.suppressions.recordRefusals(failure.refusals, job.messageId);
      if (failure.throttle) await this.throttle.giveBack(job, failure, failure.throttle);
      else await this.recordFailure(job, failure.nextAttemptAt(attempt), failure);
      return false;
    }
  }

  private async recordFailure(job: OutboxJob, retryAt: Date | undefined, error: SmtpSendError): Promise<void> {
    const message = error.message;
    try {
      if (retryAt) {
        await this.repository.reschedule(job.id, retryAt, message);
        if (outboxRetryChannel.hasSubscribers)
          outboxRetryChannel.publish({ attempt: job.attempts } satisfies OutboxRetryEvent);
      } else {
        await this.repository.markFailed(job.id, message);
      }
    } catch (databaseError) {
      // The job stays claimed; after its lease another round takes it again.
      this.logger.error({ error: describeError(databaseError), job: job.id }, OutboxLogMessage.cannotRecordFailure);
    }
  }
}
