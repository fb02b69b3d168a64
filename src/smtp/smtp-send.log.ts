import type { PinoLogger } from 'nestjs-pino';
import type { SmtpSendOptions } from './interfaces/smtp-message.interface';
import type { ComposedMessage } from './message-composer';
import { SMTP_LOGGER_NAME, SmtpLogMessage } from './smtp.constants';
import type { SmtpSendError } from './smtp-send.error';

/** The two lines the operator doc shows for every send, logged by `server.api.smtpClient`. */
export class SmtpSendLog {
  constructor(readonly logger: PinoLogger) {
    logger.setContext(SMTP_LOGGER_NAME);
  }

  /** "New email" at debug, with the exact bytes sent. */
  newEmail(composed: ComposedMessage): void {
    // Checked first: at info level this line must cost nothing on the hot path.
    if (!this.logger.logger.isLevelEnabled('debug')) return;
    this.logger.debug(
      { From: composed.envelope.from, To: composed.envelope.to, Message: composed.raw },
      SmtpLogMessage.newEmail,
    );
  }

  /** "Failed to send email" at error, with the server's or the network's error. */
  failed(failure: SmtpSendError, messageId: string | undefined, options: SmtpSendOptions): void {
    this.logger.error(
      { error: failure.message, messageId, ...options.failureLogFields?.(failure) },
      SmtpLogMessage.sendFailed,
    );
  }
}
