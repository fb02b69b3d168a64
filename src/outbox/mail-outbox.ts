import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Queryable } from '../database/database';
import { createMessageId, type SmtpMessage } from '@solidpoint/nestjs-smtp';
import type { OutboxRepository } from './outbox.repository';
import type { OutboxWorker } from './outbox.worker';

/**
 * Queues emails for delivery. Inject it by this class; the outbox module provides the real one
 * when SMTP is configured and a no-op otherwise (the operator doc: no SMTP, no SMTP activity).
 */
export abstract class MailOutbox {
  /**
   * Queues `message` inside `transaction`: it will be sent if, and only if, the transaction commits.
   * Delivery is at-least-once, with retries; see the README.
   */
  abstract enqueue(transaction: Queryable, message: SmtpMessage): Promise<void>;
}

/** SMTP is off: nothing is queued. */
export class DisabledMailOutbox extends MailOutbox {
  async enqueue(): Promise<void> {}
}

/**
 * SMTP is on, and the app's workers send: emails go to the `email_outbox` table. What a process
 * that only queues (the users CLI) uses.
 */
export class QueueingMailOutbox extends MailOutbox {
  constructor(
    private readonly repository: OutboxRepository,
    private readonly defaultSender: string,
  ) {
    super();
  }

  async enqueue(transaction: Queryable, message: SmtpMessage): Promise<void> {
    await this.repository.enqueue(transaction, message, createMessageId(message.from ?? this.defaultSender));
  }
}

/** SMTP is on: emails go to the `email_outbox` table, and a worker in this process sends them. */
export class DeliveringMailOutbox
  extends QueueingMailOutbox
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  constructor(
    repository: OutboxRepository,
    private readonly worker: OutboxWorker,
    defaultSender: string,
  ) {
    super(repository, defaultSender);
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  // Before the HTTP server and the database close: requests arriving meanwhile are still queued.
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.shutdown();
  }
}
