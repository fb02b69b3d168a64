/** Log messages about suppressed mailboxes (logged by the outbox, `server.outbox`). */
export const SuppressionLogMessage = {
  notSent: 'Email not sent: recipient suppressed',
  suppressed: 'Recipient suppressed after a permanent refusal',
  cannotRead: 'Cannot read suppressed mailboxes; the emails are sent after their lease',
  cannotRecordSkip: 'Cannot record an email held back for suppressed recipients; it is screened again after its lease',
  cannotSuppress: 'Cannot record a suppressed mailbox',
} as const;
