import type { PinoLogger } from 'nestjs-pino';
import type { SmtpAttempt } from './interfaces/smtp-message.interface.js';
import type { ComposedMessage } from './message-composer.js';
import { SmtpLogMessage } from './smtp.constants.js';
import type { SmtpSendError } from './smtp-send.error.js';

/** The two lines the operator doc shows for every send, logged under the module's logger name. */
export class SmtpSendLog {
  constructor(
    readonly logger: PinoLogger,
    loggerName: string,
  ) {
    logger.setContext(loggerName);
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

  /**
   * "Failed to send email" at error, with the server's or the network's error and, when the
   * caller retries, the attempt and what comes next.
   */
  failed(failure: SmtpSendError, messageId: string | undefined, attempt: SmtpAttempt | undefined): void {
    this.logger.error(
      { error: failure.message, messageId, ...attemptFields(failure, attempt) },
      SmtpLogMessage.sendFailed,
    );
  }
}

function attemptFields(failure: SmtpSendError, attempt: SmtpAttempt | undefined): Record<string, unknown> {
  if (!attempt) return {};
  const next = failure.nextAttemptAt(attempt);
  return {
    attempt: attempt.attempt,
    maxAttempts: attempt.maxAttempts,
    ...(next ? { nextAttemptAt: next.toISOString() } : { gaveUp: true }),
  };
}
