/**
 * How the connection to the SMTP server is protected.
 * - `none`: plain SMTP, never upgraded (port 25 in the operator doc; not recommended).
 * - `starttls`: plain connect, then STARTTLS, which is required: a server that does not offer
 *   it fails the send, nothing is sent in clear (port 587 in the operator doc; recommended).
 * - `tls`: TLS from the first byte ("implicit TLS", port 465).
 */
export type SmtpSecurity = 'none' | 'starttls' | 'tls';

/** Upper bounds, in milliseconds, so a dead or stalled server cannot hang a send. */
export interface SmtpTimeouts {
  /** Establishing the TCP connection. Default 10 000. */
  connection: number;
  /** Waiting for the server's 220 greeting once connected. Default 10 000. */
  greeting: number;
  /** Inactivity on an established connection (e.g. a reply that never comes). Default 30 000. */
  socket: number;
}

/** SmtpModule options that turn the client off: `SmtpClient.send` does nothing and logs nothing. */
export interface SmtpDisabledOptions {
  enabled: false;
}

/** SmtpModule options for a real SMTP server. */
export interface SmtpEnabledOptions {
  enabled: true;
  /** DNS name or IP address of the server (IPv6 without brackets). */
  host: string;
  /** TCP port, e.g. 587. */
  port: number;
  /** See {@link SmtpSecurity}. Certificates are always verified; add a private CA with NODE_EXTRA_CA_CERTS. */
  security: SmtpSecurity;
  /** AUTH credentials; omit for an unauthenticated relay. */
  auth?: { user: string; pass: string };
  /**
   * Default sender, used when a message has no `from`: an address, optionally with a display name.
   * @example 'noreply@solidpoint.example'
   * @example 'SolidPoint <noreply@solidpoint.example>'
   */
  from: string;
  /** Overrides for the default {@link SmtpTimeouts}. */
  timeouts?: Partial<SmtpTimeouts>;
  /**
   * Connections kept open and used in parallel (each sends up to 100 messages, then is replaced,
   * as is any connection that breaks). Default 5.
   */
  poolSize?: number;
  /** At most this many messages per second, for providers that throttle. Default: no limit. */
  rateLimit?: number;
}

/**
 * Options of `SmtpModule.forRoot` / `forRootAsync`.
 * @see smtpConfig for the same options read from SMTP_* environment variables.
 */
export type SmtpModuleOptions = SmtpDisabledOptions | SmtpEnabledOptions;
