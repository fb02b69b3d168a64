import { Module } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { SMTP_MODULE_OPTIONS, SmtpClient, type SmtpModuleOptions } from '../smtp';
import { DeliveringMailOutbox, DisabledMailOutbox, MailOutbox } from './mail-outbox';
import { outboxConfig, type OutboxConfigType } from './outbox.config';
import { OUTBOX_LOGGER_NAME } from './outbox.constants';
import { OutboxRepository } from './outbox.repository';
import { OutboxWorker } from './outbox.worker';

/**
 * Durable email delivery (the transactional outbox). Whether anything is queued and sent is
 * decided here, once, from the SMTP options.
 */
@Module({
  providers: [
    OutboxRepository,
    {
      provide: MailOutbox,
      inject: [SMTP_MODULE_OPTIONS, OutboxRepository, SmtpClient, outboxConfig.KEY, PinoLogger],
      useFactory: (
        smtp: SmtpModuleOptions,
        repository: OutboxRepository,
        client: SmtpClient,
        config: OutboxConfigType,
        logger: PinoLogger,
      ): MailOutbox => {
        if (!smtp.enabled) return new DisabledMailOutbox();
        logger.setContext(OUTBOX_LOGGER_NAME);
        return new DeliveringMailOutbox(repository, new OutboxWorker(repository, client, config, logger), smtp.from);
      },
    },
  ],
  exports: [MailOutbox, OutboxRepository],
})
export class OutboxModule {}
