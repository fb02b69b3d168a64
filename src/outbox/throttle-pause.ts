import type { PinoLogger } from 'nestjs-pino';
import { gt, sql } from 'drizzle-orm';
import type { SmtpClient, SmtpSendError, SmtpThrottlePause } from '@solidpoint/nestjs-smtp';
import type { Database } from '../database/database';
import { smtpThrottlePauses } from '../database/schema';
import { describeError } from '../logging/error-description';
import { OUTBOX_SHARED_PAUSE_READ_MS, OutboxLogMessage } from './outbox.constants';
import type { OutboxJob, OutboxRepository } from './outbox.repository';

/**
 * Throttling as back-pressure for the outbox: while every SMTP server is paused, the worker
 * claims nothing; a job that met the throttle goes back to the queue in its place, its attempt
 * not counted. Pauses are kept in `smtp_throttle_pauses`, so every instance on the database
 * honours a pause one of them met.
 */
export class ThrottlePause {
  private sharedReadAt = 0;
  /** The configured servers (`host:port`): claiming stops while all of them are paused. */
  readonly servers: readonly string[];

  constructor(
    private readonly db: Database,
    private readonly repository: OutboxRepository,
    private readonly smtp: SmtpClient,
    private readonly logger: PinoLogger,
  ) {
    this.servers = smtp.serverStates().map((state) => state.server);
  }

  /**
   * When the worker may claim again, if every server is paused now (by this instance or, as the
   * database says, another); undefined when sending may go on.
   */
  async resumeAt(): Promise<Date | undefined> {
    // Read at most once a second: an idle worker polls four times as often.
    if (Date.now() - this.sharedReadAt >= OUTBOX_SHARED_PAUSE_READ_MS) {
      this.sharedReadAt = Date.now();
      (await this.sharedPauses()).forEach((pause) => this.smtp.honourPause(pause));
    }
    return this.smtp.pausedUntil();
  }

  /** Puts a job that met a throttle back in the queue, in its place and without counting the attempt. */
  async giveBack(job: OutboxJob, failure: SmtpSendError, pause: SmtpThrottlePause): Promise<void> {
    try {
      if (failure.attempted) await this.share(pause);
      await this.repository.giveBack(job.id, failure.attempted ? failure.message : undefined);
    } catch (error) {
      // The job stays claimed; after its lease another round takes it again.
      this.logger.error({ error: describeError(error), job: job.id }, OutboxLogMessage.cannotRecordFailure);
    }
  }

  private async share(pause: SmtpThrottlePause): Promise<void> {
    await this.db
      .insert(smtpThrottlePauses)
      .values({ server: pause.server, pausedUntil: pause.until, reply: pause.reply })
      .onConflictDoUpdate({
        target: smtpThrottlePauses.server,
        set: { pausedUntil: pause.until, reply: pause.reply },
        // A longer pause another instance recorded meanwhile stays.
        setWhere: sql`${smtpThrottlePauses.pausedUntil} < ${pause.until}`,
      });
  }

  /** Pauses in force, as recorded; none when the database cannot be read (claiming will say why). */
  private async sharedPauses(): Promise<SmtpThrottlePause[]> {
    try {
      const rows = await this.db
        .select()
        .from(smtpThrottlePauses)
        .where(gt(smtpThrottlePauses.pausedUntil, sql`now()`));
      return rows.map((row) => ({ server: row.server, until: row.pausedUntil, reply: row.reply }));
    } catch {
      return [];
    }
  }
}
