import { SmtpClient } from './smtp.client';

/**
 * The client when SMTP is not configured: sends nothing and logs nothing, as the operator doc
 * promises ("If the environment variables are not set, SMTP client logs will not be created").
 */
export class DisabledSmtpClient extends SmtpClient {
  async send(): Promise<void> {}
}
