import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../database/database';
import { DATABASE } from '../database/database.constants';
import { emailOutbox, type OutboxStatus } from '../database/schema';
import type { SmtpMessage } from '@solidpoint/nestjs-smtp';

/** A claimed email, ready to send. */
export interface OutboxJob {
  id: string;
  messageId: string;
  message: SmtpMessage;
  /** Attempts so far, this one included. */
  attempts: number;
}

export type OutboxEntry = typeof emailOutbox.$inferSelect;

/** The outbox's backlog, for monitoring. */
export interface OutboxBacklog {
  /** Emails not sent yet: due, waiting for a retry, or being sent. */
  waiting: number;
  /** Emails that gave up and stay so until retried with the outbox CLI. */
  failed: number;
  /** Age of the oldest email not sent yet; 0 when there is none. */
  oldestWaitingSeconds: number;
}

/** The `email_outbox` table: every state change of a queued email is one statement here. */
@Injectable()
export class OutboxRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Queues an email; pass the caller's transaction so the email exists only if its cause does. */
  async enqueue(queryable: Queryable, message: SmtpMessage, messageId: string): Promise<string> {
    const id = randomUUID();
    await queryable.insert(emailOutbox).values({ id, messageId, message });
    return id;
  }

  /**
   * Claims up to `limit` emails that are due, or whose claim expired (their worker died), for
   * `leaseSeconds`, oldest first; none while every server of `unlessPaused` (`host:port`) has a
   * throttle pause in force. SKIP LOCKED lets several instances claim at once without taking the same email.
   */
  async claim(limit: number, leaseSeconds: number, unlessPaused: readonly string[] = []): Promise<OutboxJob[]> {
    // Checked in the same statement, so an email another instance gave back after a throttle is
    // never claimed without the pause it recorded first.
    const allPaused =
      unlessPaused.length === 0
        ? sql`false`
        : sql`(SELECT count(*) FROM smtp_throttle_pauses WHERE paused_until > now()
                 AND server IN (${sql.join(
                   unlessPaused.map((server) => sql`${server}`),
                   sql`, `,
                 )})) = ${unlessPaused.length}`;
    // In queue order: UPDATE ... RETURNING alone returns rows in no particular order.
    const result = await this.db.execute(sql`
      WITH claimed AS (
        UPDATE email_outbox
        SET status = 'sending', attempts = attempts + 1,
            locked_until = now() + make_interval(secs => ${leaseSeconds})
        WHERE id IN (
          SELECT id FROM email_outbox
          WHERE ((status = 'pending' AND run_at <= now()) OR (status = 'sending' AND locked_until < now()))
            AND NOT ${allPaused}
          ORDER BY run_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, message_id, message, attempts, run_at)
      SELECT id, message_id, message, attempts FROM claimed ORDER BY run_at`);
    // Both drivers (node-postgres, PGlite) return the rows on `rows`.
    const { rows } = result as { rows: { id: string; message_id: string; message: SmtpMessage; attempts: number }[] };
    return rows.map((row) => ({
      id: row.id,
      messageId: row.message_id,
      message: row.message,
      attempts: row.attempts,
    }));
  }

  /** How many emails wait (pending, or being sent) and have failed, and how long the oldest waiting one has. */
  async backlog(): Promise<OutboxBacklog> {
    const result = await this.db.execute(sql`
      SELECT count(*) FILTER (WHERE status IN ('pending', 'sending'))::int AS waiting,
             count(*) FILTER (WHERE status = 'failed')::int AS failed,
             coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status IN ('pending', 'sending'))), 0)::float8
               AS oldest_waiting_seconds
      FROM email_outbox
      WHERE status <> 'sent'`);
    const [row] = (result as { rows: { waiting: number; failed: number; oldest_waiting_seconds: number }[] }).rows;
    return { waiting: row.waiting, failed: row.failed, oldestWaitingSeconds: row.oldest_waiting_seconds };
  }

  /** Records emails as sent, in one statement however many there are. */
  async markSent(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .update(emailOutbox)
      .set({ status: 'sent', sentAt: sql`now()`, lockedUntil: null, lastError: null })
      .where(inArray(emailOutbox.id, ids));
  }

  /** Puts a failed email back in the queue until `runAt`. */
  async reschedule(id: string, runAt: Date, error: string): Promise<void> {
    await this.db
      .update(emailOutbox)
      .set({ status: 'pending', runAt, lockedUntil: null, lastError: error })
      .where(eq(emailOutbox.id, id));
  }

  /**
   * Puts a claimed email back as it was before the claim (same place in the queue, the attempt
   * not counted): it met a throttle, which is no fault of the email. `error` replaces the last
   * error when given.
   */
  async giveBack(id: string, error?: string): Promise<void> {
    await this.db
      .update(emailOutbox)
      .set({
        status: 'pending',
        attempts: sql`${emailOutbox.attempts} - 1`,
        lockedUntil: null,
        ...(error === undefined ? {} : { lastError: error }),
      })
      .where(eq(emailOutbox.id, id));
  }

  /** Gives up on an email. */
  async markFailed(id: string, error: string): Promise<void> {
    await this.db
      .update(emailOutbox)
      .set({ status: 'failed', lockedUntil: null, lastError: error })
      .where(eq(emailOutbox.id, id));
  }

  /** Emails in `status`, or all not yet sent, newest first. */
  async list(status?: OutboxStatus, limit = 100): Promise<OutboxEntry[]> {
    return this.db
      .select()
      .from(emailOutbox)
      .where(status ? eq(emailOutbox.status, status) : ne(emailOutbox.status, 'sent'))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(limit);
  }

  /**
   * Queues a failed (or suppressed) email again with a fresh set of attempts; returns its message,
   * or `undefined` if no such email has `id`.
   */
  async requeue(id: string, queryable: Queryable = this.db): Promise<SmtpMessage | undefined> {
    const [updated] = await queryable
      .update(emailOutbox)
      .set({ status: 'pending', attempts: 0, runAt: sql`now()`, lastError: null })
      .where(and(eq(emailOutbox.id, id), inArray(emailOutbox.status, ['failed', 'suppressed'])))
      .returning({ message: emailOutbox.message });
    return updated?.message;
  }

  /**
   * Gives up on a claimed email without sending it: every recipient is suppressed. The claim
   * counted an attempt that was never made; it is taken back.
   */
  async markSuppressed(id: string, note: string): Promise<void> {
    await this.db
      .update(emailOutbox)
      .set({ status: 'suppressed', attempts: sql`${emailOutbox.attempts} - 1`, lockedUntil: null, lastError: note })
      .where(eq(emailOutbox.id, id));
  }

  /** Stores a claimed email's message with fewer recipients (the others are suppressed). */
  async narrowRecipients(id: string, message: SmtpMessage): Promise<void> {
    await this.db.update(emailOutbox).set({ message }).where(eq(emailOutbox.id, id));
  }

  /** Deletes emails sent more than `days` ago; returns how many. */
  async prune(days: number): Promise<number> {
    const deleted = await this.db
      .delete(emailOutbox)
      .where(and(eq(emailOutbox.status, 'sent'), lt(emailOutbox.sentAt, sql`now() - make_interval(days => ${days})`)))
      .returning({ id: emailOutbox.id });
    return deleted.length;
  }
}
