import { channel } from 'node:diagnostics_channel';

/** A failed attempt the worker scheduled again, as published on {@link outboxRetryChannel}. */
export interface OutboxRetryEvent {
  /** The attempt that failed (1 for the first). */
  attempt: number;
}

/** Every retry the outbox worker schedules (the app's `/metrics` counts them). */
export const outboxRetryChannel = channel('solidpoint.outbox.retry');
