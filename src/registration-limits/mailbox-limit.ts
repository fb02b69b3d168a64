import { Inject, Injectable } from '@nestjs/common';
import { eq, lt, type SQL, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../database/database';
import { DATABASE } from '../database/database.constants';
import { registrationEmailLimits } from '../database/schema';
import { mailboxOf } from './mailbox';
import { RegistrationLimitMessage } from './registration-limits.constants';
import { registrationLimitsConfig, type RegistrationLimitsConfigType } from './registration-limits.config';

/** Thrown by {@link MailboxLimit.claim} when the mailbox was sent a registration email within the window. */
export class MailboxRecentlyEmailedError extends Error {
  override name = 'MailboxRecentlyEmailedError';
  constructor(
    /** Seconds until the mailbox's window ends, from 1 to the window's length. */
    readonly retryAfterSeconds: number,
  ) {
    super(RegistrationLimitMessage.mailboxRecentlyEmailed);
  }
}

/**
 * The per-mailbox registration limit, in the `registration_email_limits` table: a mailbox gets
 * at most one registration email per `REGISTRATION_EMAIL_WINDOW`, on every instance at once.
 */
@Injectable()
export class MailboxLimit {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(registrationLimitsConfig.KEY) private readonly config: RegistrationLimitsConfigType,
  ) {}

  /**
   * Takes the mailbox of `address`'s one email for the window, or throws
   * {@link MailboxRecentlyEmailedError}. Call it in the transaction that queues the email: if
   * that rolls back, the claim goes with it, and a concurrent claim of the same mailbox waits for
   * it (the row stays locked), then finds the window taken. One statement decides it: the insert
   * or the update of an expired row returns the row; a row still in its window returns nothing.
   */
  async claim(transaction: Queryable, address: string): Promise<void> {
    const mailbox = mailboxOf(address);
    const claimed = await transaction
      .insert(registrationEmailLimits)
      .values({ mailbox, emailedAt: sql`now()` })
      .onConflictDoUpdate({
        target: registrationEmailLimits.mailbox,
        set: { emailedAt: sql`excluded.emailed_at` },
        setWhere: lt(registrationEmailLimits.emailedAt, this.windowStart()),
      })
      .returning({ mailbox: registrationEmailLimits.mailbox });
    if (claimed.length === 1) return;

    // Read in a statement of its own: it sees the row a concurrent transaction just committed.
    const [taken] = await transaction
      .select({
        secondsLeft: sql<number>`extract(epoch FROM ${registrationEmailLimits.emailedAt} - ${this.windowStart()})`,
      })
      .from(registrationEmailLimits)
      .where(eq(registrationEmailLimits.mailbox, mailbox));
    // `now()` is when this transaction began, which may be a moment before the winner's.
    const window = this.config.emailWindowSeconds;
    throw new MailboxRecentlyEmailedError(Math.min(window, Math.max(1, Math.ceil(Number(taken.secondsLeft)))));
  }

  /** Deletes the rows whose window has passed; returns how many. */
  async prune(): Promise<number> {
    const deleted = await this.db
      .delete(registrationEmailLimits)
      .where(lt(registrationEmailLimits.emailedAt, this.windowStart()))
      .returning({ mailbox: registrationEmailLimits.mailbox });
    return deleted.length;
  }

  /** The earliest time an email may have been queued and still hold its mailbox's window. */
  private windowStart(): SQL {
    // Parenthesised: it is subtracted from in `claim`.
    return sql`(now() - make_interval(secs => ${this.config.emailWindowSeconds}))`;
  }
}
