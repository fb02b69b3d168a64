import type { SmtpSendError } from '../smtp-send.error';

/** One email to send with `SmtpClient.send`. */
export interface SmtpMessage {
  /** Sender (`address` or `Name <address>`); defaults to the module's `from`. */
  from?: string;
  /** One or more recipient addresses (bare addresses, no display names). */
  to: string | readonly string[];
  /** Subject line; control characters (CR, LF, ...) are refused so no header can be injected. */
  subject: string;
  /** Plain-text body. */
  text: string;
  /** Optional HTML alternative to `text`. */
  html?: string;
  /**
   * The Message-ID header, e.g. from {@link createMessageId}; generated when omitted. Give the
   * same one to every attempt at the same email, so a repeated delivery is recognisable.
   */
  messageId?: string;
}

/** Options of one `SmtpClient.send` call. */
export interface SmtpSendOptions {
  /** Extra fields for the "Failed to send email" line, e.g. the attempt number and the next retry. */
  failureLogFields?: (error: SmtpSendError) => Record<string, unknown>;
}
