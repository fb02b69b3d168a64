import type { PinoLogger } from 'nestjs-pino';
import type { SmtpRecipientRefusal } from '@solidpoint/nestjs-smtp';
import { describeError } from '../logging/error-description';
import {
  isHardBounce,
  reasonOf,
  type RecipientScreening,
  recipientsOf,
  screenRecipients,
  type SuppressedRecipientEvent,
  suppressedRecipientChannel,
  SuppressionLogMessage,
  suppressionKeyOf,
  type SuppressionsRepository,
} from '../suppressions';
import type { OutboxJob, OutboxRepository } from './outbox.repository';

/**
 * Hard bounces in the outbox: a recipient a server refused for good is suppressed, and later
 * emails leave it out.
 *
 * Emails are screened when they are sent, not when they are queued: the email that bounces
 * was queued before any bounce was known, and so may be others behind it or waiting for a
 * retry; screening at send time holds them all back, and lets an email to several recipients
 * go to those not suppressed. It costs one query per claimed batch.
 */
export class OutboxSuppressions {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly suppressions: SuppressionsRepository,
    private readonly logger: PinoLogger,
  ) {}

  /**
   * The claimed `jobs` to send, without their suppressed recipients. An email left with none is
   * recorded as `suppressed`; one left with some is stored with those, so that its retries do
   * not screen (nor log) the others again. Each recipient held back is logged once, at info.
   */
  async screen(jobs: OutboxJob[]): Promise<OutboxJob[]> {
    let screenings: RecipientScreening[];
    try {
      const suppressions = await this.suppressions.find(jobs.flatMap((job) => recipientsOf(job.message)));
      screenings = jobs.map((job) => screenRecipients(recipientsOf(job.message), suppressions));
    } catch (error) {
      // Nothing is sent unscreened: the jobs stay claimed and are taken again after their lease.
      this.logger.error({ error: describeError(error), emails: jobs.length }, SuppressionLogMessage.cannotRead);
      return [];
    }
    const screened = await Promise.all(jobs.map((job, index) => this.holdBack(job, screenings[index])));
    return screened.filter((job) => job !== undefined);
  }

  /**
   * Suppresses each recipient of a sent (or failed) email that the server refused for good.
   * Never rejects: a database error is logged, and the send's outcome is recorded regardless.
   */
  async recordRefusals(refusals: readonly SmtpRecipientRefusal[], messageId: string): Promise<void> {
    await Promise.all(refusals.filter(isHardBounce).map((refusal) => this.suppress(refusal, messageId)));
  }

  /** `job` as it is to be sent, or `undefined` when nothing of it is. */
  private async holdBack(job: OutboxJob, { kept, skipped }: RecipientScreening): Promise<OutboxJob | undefined> {
    if (skipped.length === 0) return job;
    const narrowed = kept.length > 0 ? { ...job, message: { ...job.message, to: kept } } : undefined;
    try {
      if (narrowed) await this.outbox.narrowRecipients(job.id, narrowed.message);
      else await this.outbox.markSuppressed(job.id, notSentNote(skipped));
    } catch (error) {
      this.logger.error({ error: describeError(error), job: job.id }, SuppressionLogMessage.cannotRecordSkip);
      return undefined;
    }
    for (const { suppression } of skipped) {
      const { mailbox, reason, suppressedAt } = suppression;
      this.logger.info({ messageId: job.messageId, mailbox, reason, suppressedAt }, SuppressionLogMessage.notSent);
      if (suppressedRecipientChannel.hasSubscribers)
        suppressedRecipientChannel.publish({ mailbox } satisfies SuppressedRecipientEvent);
    }
    return narrowed;
  }

  private async suppress(refusal: SmtpRecipientRefusal, messageId: string): Promise<void> {
    const reason = reasonOf(refusal);
    try {
      if (await this.suppressions.suppress(refusal.recipient, reason)) {
        const mailbox = suppressionKeyOf(refusal.recipient);
        this.logger.info({ messageId, mailbox, reason }, SuppressionLogMessage.suppressed);
      }
    } catch (error) {
      this.logger.error({ error: describeError(error), messageId }, SuppressionLogMessage.cannotSuppress);
    }
  }
}

/** The `last_error` of an email held back entirely: who, since when, and why. */
function notSentNote(skipped: RecipientScreening['skipped']): string {
  const reasons = skipped.map(
    ({ suppression }) =>
      `${suppression.mailbox} since ${suppression.suppressedAt.toISOString()} (${suppression.reason})`,
  );
  return `Not sent: recipient suppressed: ${reasons.join('; ')}`;
}
