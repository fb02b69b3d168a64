import { type Channel, channel } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';
import type { SmtpSendError } from './smtp-send.error.js';

/**
 * One send by the client, as published on its diagnostics channel (`SmtpModule`'s `sendChannel`,
 * by default {@link DEFAULT_SMTP_SEND_CHANNEL}), so metrics or tracing can observe sends without
 * the module knowing about them. Publishing costs nothing while nobody subscribes.
 *
 * @example
 * channel(DEFAULT_SMTP_SEND_CHANNEL).subscribe((event) => histogram.observe((event as SmtpSendEvent).durationSeconds));
 */
export interface SmtpSendEvent {
  /** From the call to `send` until the server's final reply (or the failure), pool waits included. */
  durationSeconds: number;
  /** Set when the send failed. */
  error?: SmtpSendError;
}

/** Publishes sends on one named channel. */
export class SmtpSendPublisher {
  private readonly channel: Channel;

  constructor(name: string) {
    this.channel = channel(name);
  }

  /** Publishes one send that began at `started` (a `performance.now()` reading). */
  publish(started: number, error?: SmtpSendError): void {
    if (!this.channel.hasSubscribers) return;
    const event: SmtpSendEvent = { durationSeconds: (performance.now() - started) / 1000, error };
    this.channel.publish(event);
  }
}
