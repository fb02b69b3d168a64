import type { PinoLogger } from 'nestjs-pino';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { outboxRetryChannel } from '../outbox/outbox.diagnostics';
import { suppressedRecipientChannel } from '../suppressions';
import type { OutboxBacklog, OutboxRepository } from '../outbox/outbox.repository';
import type { SmtpSendEvent } from '@solidpoint/nestjs-smtp';
import { SMTP_SEND_CHANNEL } from '../smtp-naming';
import { MetricsLogMessage, SEND_DURATION_BUCKETS } from './metrics.constants';
import { describeError } from '../logging/error-description';

/** The outbox gauges: name, help, and their value in one backlog reading. */
const OUTBOX_GAUGES: [string, string, (backlog: OutboxBacklog) => number][] = [
  ['outbox_emails_waiting', 'Emails not sent yet: due, waiting for a retry, or being sent', (b) => b.waiting],
  [
    'outbox_emails_failed',
    'Emails that gave up after their last attempt (see `npm run outbox -- list failed`)',
    (b) => b.failed,
  ],
  [
    'outbox_oldest_waiting_seconds',
    'Age of the oldest email not sent yet; 0 when none waits',
    (b) => b.oldestWaitingSeconds,
  ],
];

/**
 * The app's Prometheus metrics in a registry of their own (one per app, so several apps in one
 * process do not collide): sends and their durations from the SMTP client's diagnostics channel,
 * retries and suppressed recipients from the outbox's, the outbox backlog read from the database
 * at each scrape, and the default process metrics. `close()` stops listening.
 */
export class AppMetrics {
  readonly registry = new Registry();
  private readonly sent: Counter;
  private readonly failed: Counter<'kind'>;
  private readonly retried: Counter;
  private readonly suppressed: Counter;
  private readonly duration: Histogram;
  private backlogReading?: Promise<OutboxBacklog | undefined>;
  private lastBacklog: OutboxBacklog = { waiting: 0, failed: 0, oldestWaitingSeconds: 0 };

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly logger: PinoLogger,
  ) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.sent = new Counter({ name: 'smtp_emails_sent_total', help: 'Emails the SMTP server accepted', registers });
    this.failed = new Counter({
      name: 'smtp_emails_failed_total',
      help: 'Failed send attempts, by kind: permanent (5xx reply, invalid message) or transient (4xx, network, TLS)',
      labelNames: ['kind'],
      registers,
    });
    this.retried = new Counter({
      name: 'outbox_retries_total',
      help: 'Failed attempts the outbox scheduled again',
      registers,
    });
    this.suppressed = new Counter({
      name: 'outbox_recipients_suppressed_total',
      help: 'Recipients an email was not sent to because their mailbox is suppressed (see `npm run outbox -- suppressed`)',
      registers,
    });
    this.duration = new Histogram({
      name: 'smtp_send_duration_seconds',
      help: 'Time from send to the server’s final reply or the failure, waits for a pooled connection included',
      buckets: SEND_DURATION_BUCKETS,
      registers,
    });
    const backlog = () => this.readBacklog();
    for (const [name, help, read] of OUTBOX_GAUGES) {
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          this.set(read(await backlog()));
        },
      });
    }
    // Zero from the start, so a rate() has a baseline before the first failure of each kind.
    this.failed.inc({ kind: 'permanent' }, 0);
    this.failed.inc({ kind: 'transient' }, 0);
    subscribe(SMTP_SEND_CHANNEL, this.onSend);
    outboxRetryChannel.subscribe(this.onRetry);
    suppressedRecipientChannel.subscribe(this.onSuppressed);
  }

  close(): void {
    unsubscribe(SMTP_SEND_CHANNEL, this.onSend);
    outboxRetryChannel.unsubscribe(this.onRetry);
    suppressedRecipientChannel.unsubscribe(this.onSuppressed);
  }

  private readonly onSend = (message: unknown) => {
    const { durationSeconds, error } = message as SmtpSendEvent;
    this.duration.observe(durationSeconds);
    if (error) this.failed.inc({ kind: error.permanent ? 'permanent' : 'transient' });
    else this.sent.inc();
  };

  private readonly onRetry = () => this.retried.inc();

  private readonly onSuppressed = () => this.suppressed.inc();

  /** One query per scrape, shared by the outbox gauges; on a database error they keep their last values. */
  private async readBacklog(): Promise<OutboxBacklog> {
    this.backlogReading ??= this.outbox
      .backlog()
      .catch((error: unknown) => {
        this.logger.warn({ error: describeError(error) }, MetricsLogMessage.cannotReadOutbox);
        return undefined;
      })
      .finally(() => (this.backlogReading = undefined));
    this.lastBacklog = (await this.backlogReading) ?? this.lastBacklog;
    return this.lastBacklog;
  }
}
