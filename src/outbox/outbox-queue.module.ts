import { Module } from '@nestjs/common';
import { smtpConfig, type SmtpConfigType } from '@solidpoint/nestjs-smtp';
import { DisabledMailOutbox, MailOutbox, QueueingMailOutbox } from './mail-outbox';
import { OutboxRepository } from './outbox.repository';

/**
 * The outbox for a process that only queues emails (the users CLI): they go into the table for the
 * app's workers to send, and no worker, nor any SMTP connection, runs here. As in the app, nothing
 * is queued when SMTP is not configured.
 */
@Module({
  providers: [
    OutboxRepository,
    {
      provide: MailOutbox,
      inject: [OutboxRepository, smtpConfig.KEY],
      useFactory: (repository: OutboxRepository, smtp: SmtpConfigType): MailOutbox =>
        smtp.enabled ? new QueueingMailOutbox(repository, smtp.from) : new DisabledMailOutbox(),
    },
  ],
  exports: [MailOutbox],
})
export class OutboxQueueModule {}
