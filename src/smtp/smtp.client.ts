import type { SmtpMessage, SmtpSendOptions } from './interfaces/smtp-message.interface';

/**
 * Sends email. Inject it by this class; `SmtpModule` provides the real client when SMTP is
 * configured and a silent no-op when it is not, so callers never check whether SMTP is on.
 *
 * @example
 * constructor(private readonly smtp: SmtpClient) {}
 * await this.smtp.send({ to: 'ivan@example.com', subject: 'Hello', text: 'Hi Ivan' });
 */
export abstract class SmtpClient {
  /**
   * Sends one message. Resolves when the server has accepted it (or at once when SMTP is off).
   * Rejects with an `SmtpSendError` that the client has already logged as "Failed to send email",
   * so callers need not log it again.
   */
  abstract send(message: SmtpMessage, options?: SmtpSendOptions): Promise<void>;
}
