import type { SmtpDescription } from './interfaces/smtp-description.interface.js';
import type { SmtpMessage, SmtpSendOptions } from './interfaces/smtp-message.interface.js';
import type { SmtpSendResult } from './interfaces/smtp-send-result.interface.js';

/**
 * Sends email. Inject it by this class; `SmtpModule` provides the real client when SMTP is
 * configured and a silent no-op when it is not, so callers never check whether SMTP is on.
 *
 * @example
 * constructor(private readonly smtp: SmtpClient) {}
 * const { messageId, response } = await this.smtp.send({ to: 'ivan@example.com', subject: 'Hello', text: 'Hi Ivan' });
 */
export abstract class SmtpClient {
  /** Whether SMTP is on and where it sends, without the credentials. */
  abstract readonly description: SmtpDescription;

  /**
   * Sends one message. Resolves when the server has accepted it, with the recipients it accepted
   * and its reply (at once, with `sent: false`, when SMTP is off). Rejects with an
   * {@link SmtpSendError} (reply code, enhanced status, whether retrying can help) that the client
   * has already logged as "Failed to send email", so callers need not log it again.
   */
  abstract send(message: SmtpMessage, options?: SmtpSendOptions): Promise<SmtpSendResult>;

  /**
   * Checks, without sending, that the server answers and accepts the credentials. Rejects with
   * an `SmtpSendError` worded as a failed send would log it; resolves at once when SMTP is off.
   * Each call opens an SMTP session: cache the outcome when polling (the app's `/health` does).
   */
  abstract verify(): Promise<void>;
}
