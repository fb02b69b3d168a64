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

/**
 * Where one send stands among its caller's attempts at the same email. With it, the "Failed to
 * send email" line says which attempt failed and what comes next (`nextAttemptAt` or
 * `gaveUp: true`), as `SmtpSendError.nextAttemptAt` decides it for the caller.
 */
export interface SmtpAttempt {
  /** This attempt's number, from 1. */
  attempt: number;
  /** Attempts the caller makes in all; after a failure of the last one it gives up. */
  maxAttempts: number;
  /** How long after a transient failure of this attempt the caller tries again, in milliseconds. */
  retryDelayMs: number;
}

/** Options of one `SmtpClient.send` call. */
export interface SmtpSendOptions {
  /** When the caller retries failed sends: this attempt, for the failure's log line. */
  attempt?: SmtpAttempt;
}
