import { Module } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { SmtpClient, type SmtpDescription } from '@solidpoint/nestjs-smtp';
import { DeliveringMailOutbox, DisabledMailOutbox, MailOutbox } from './mail-outbox';
import { outboxConfig, type OutboxConfigType } from './outbox.config';
import { OUTBOX_BATCH_PER_CONNECTION, OUTBOX_LOGGER_NAME } from './outbox.constants';
import { OutboxRepository } from './outbox.repository';
import { createOutboxWorker } from './outbox-worker.factory';
import { DATABASE } from '../database/database.constants';
import type { Database } from '../database/database';
import { SuppressionsModule, SuppressionsRepository } from '../suppressions';

/**
 * Enough jobs per round to keep every pooled connection busy, but never more than a rate limit
 * lets out in a quarter of a lease (so a claimed job is sent long before its claim expires).
 */
function outboxBatchSize(smtp: Extract<SmtpDescription, { enabled: true }>, config: OutboxConfigType): number {
  const perPool = smtp.poolSize * OUTBOX_BATCH_PER_CONNECTION;
  if (!smtp.rateLimit) return perPool;
  return Math.max(1, Math.min(perPool, Math.floor((smtp.rateLimit * config.leaseSeconds) / 4)));
}

/**
 * Durable email delivery (the transactional outbox). Whether anything is queued and sent is
 * decided here, once, from the SMTP client's description.
 */
@Module({
  imports: [SuppressionsModule],
  providers: [
    OutboxRepository,
    {
      provide: MailOutbox,
      inject: [OutboxRepository, SuppressionsRepository, SmtpClient, outboxConfig.KEY, PinoLogger, DATABASE],
      useFactory: (
        repository: OutboxRepository,
        suppressions: SuppressionsRepository,
        client: SmtpClient,
        config: OutboxConfigType,
        logger: PinoLogger,
        db: Database,
      ): MailOutbox => {
        const smtp = client.description;
        if (!smtp.enabled) return new DisabledMailOutbox();
        logger.setContext(OUTBOX_LOGGER_NAME);
        const worker = createOutboxWorker(
          db,
          repository,
          suppressions,
          client,
          config,
          logger,
          outboxBatchSize(smtp, config),
        );
        return new DeliveringMailOutbox(repository, worker, smtp.from);
      },
    },
  ],
  exports: [MailOutbox, OutboxRepository],
})
export class OutboxModule {}
