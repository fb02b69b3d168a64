import { channel } from 'node:diagnostics_channel';

/** A recipient an email was not sent to, as published on {@link suppressedRecipientChannel}. */
export interface SuppressedRecipientEvent {
  /** The suppressed mailbox (its key). */
  mailbox: string;
}

/** Every recipient held back because its mailbox is suppressed (the app's `/metrics` counts them). */
export const suppressedRecipientChannel = channel('solidpoint.outbox.suppressed');
