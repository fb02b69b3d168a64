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
}
