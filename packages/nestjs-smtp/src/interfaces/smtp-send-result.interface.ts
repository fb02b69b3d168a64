import type { SmtpRecipientRefusal } from './smtp-recipient-refusal.interface.js';

/** What `SmtpClient.send` resolves with. */
export interface SmtpSendResult {
  /**
   * True when the server accepted the message; false only from the no-op client (SMTP is off),
   * which sends nothing and leaves every other field empty.
   */
  sent: boolean;
  /** The message's Message-ID header, e.g. `<8d1c…@solidpoint.example>` (the given one, if any). */
  messageId: string;
  /** Recipients the server accepted. */
  accepted: string[];
  /**
   * Recipients the server refused while it accepted others (when it refuses every recipient,
   * `send` rejects instead).
   */
  rejected: string[];
  /**
   * The `rejected` recipients, each with the server's reply to it (`550 5.1.1 …` for good, `450 …`
   * for now). Present only when some were refused, and only from the nodemailer client.
   */
  refusals?: SmtpRecipientRefusal[];
  /** The server's final reply, e.g. `250 2.0.0 Ok: queued as 4F2A1C0B9E`. */
  response: string;
}
