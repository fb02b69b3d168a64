import { channel } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';
import type { SmtpSendError } from './smtp-send.error';

/** One send by the real client, as published on {@link smtpSendChannel}. */
export interface SmtpSendEvent {
  /** From the call to `send` until the server's final reply (or the failure), pool waits included. */
  durationSeconds: number;
  /** Set when the send failed. */
  error?: SmtpSendError;
}

/**
 * Every send of the real client is published here (Node's `diagnostics_channel`), so metrics or
 * tracing can observe sends without the SMTP module knowing about them. Publishing costs nothing
 * while nobody subscribes.
 *
 * @example
 * smtpSendChannel.subscribe((event) => histogram.observe((event as SmtpSendEvent).durationSeconds));
 */
export const smtpSendChannel = channel('solidpoint.smtp.send');

/** Publishes one send that began at `started` (a `performance.now()` reading). */
export function publishSmtpSend(started: number, error?: SmtpSendError): void {
  if (!smtpSendChannel.hasSubscribers) return;
  const event: SmtpSendEvent = { durationSeconds: (performance.now() - started) / 1000, error };
  smtpSendChannel.publish(event);
}
