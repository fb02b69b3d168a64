import type { SmtpMessage } from './interfaces/smtp-message.interface.js';
import type { SmtpSendResult } from './interfaces/smtp-send-result.interface.js';
import { SmtpClient } from './smtp.client.js';

/**
 * The client when SMTP is not configured: sends nothing and logs nothing, as the operator doc
 * promises ("If the environment variables are not set, SMTP client logs will not be created").
 */
export class DisabledSmtpClient extends SmtpClient {
  readonly description = Object.freeze({ enabled: false } as const);

  send(message: SmtpMessage): Promise<SmtpSendResult> {
    return Promise.resolve({
      sent: false,
      messageId: message.messageId ?? '',
      accepted: [],
      rejected: [],
      response: '',
    });
  }

  async verify(): Promise<void> {}
}
