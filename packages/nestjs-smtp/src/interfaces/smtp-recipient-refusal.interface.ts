/** One recipient the server refused (at `RCPT TO`), with its reply. */
export interface SmtpRecipientRefusal {
  /** The refused address, as it was given in the envelope. */
  recipient: string;
  /** The server's reply verbatim, e.g. `550 5.1.1 <ghost@example.com>: Recipient address rejected`. */
  response: string;
  /** The reply code, e.g. 550 (refused for good) or 450 (refused for now). */
  responseCode: number;
  /** The enhanced status code (RFC 3463) of the reply, when it gave one: `5.1.1`, `4.2.2`, … */
  enhancedStatus?: string;
  /** True for a 5xx reply: the server will not take this recipient, however often it is tried. */
  permanent: boolean;
}
