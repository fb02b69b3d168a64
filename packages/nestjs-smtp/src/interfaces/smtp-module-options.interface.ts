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

/** One more SMTP server to fail over to (see {@link SmtpEnabledOptions.failover}). */
export interface SmtpServerOptions {
  /** DNS name or IP address of the server (IPv6 without brackets). */
  host: string;
  /** TCP port, e.g. 587. */
  port: number;
  /** See {@link SmtpSecurity}; default: the security of the first server (`security`). */
  security?: SmtpSecurity;
}

/**
 * How long sending to a throttling server pauses: `initialMs` after the first throttling reply,
 * twice as long after each further one without a success in between, at most `maxMs`. A pause
 * the server asks for in its reply ("try again in 30 seconds") is honoured instead, up to `maxMs`.
 */
export interface SmtpThrottleBackoff {
  /** Default 5 000. */
  initialMs: number;
  /** Default 300 000 (5 minutes). */
  maxMs: number;
}

/** AUTH with a username and password (PLAIN or LOGIN, as the server offers). */
export interface SmtpPasswordAuth {
  /** Optional: a password is the default. */
  type?: 'password';
  user: string;
  /** Never logged nor echoed in an error. */
  pass: string;
}

/**
 * AUTH with SASL XOAUTH2 and an access token from the OAuth2 client-credentials flow (RFC 6749
 * §4.4; or the refresh-token grant, §6, with `refreshToken`), as Microsoft 365, Google Workspace and Yandex 360 accept. The token is fetched from
 * `tokenUrl`, shared by every pooled connection, renewed shortly before it expires and once when the
 * server refuses it; neither it nor the client secret is ever logged.
 * @example
 * { type: 'oauth2', user: 'noreply@contoso.com', clientId, clientSecret,
 *   tokenUrl: 'https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token',
 *   scope: 'https://outlook.office365.com/.default' }
 */
export interface SmtpOAuth2Auth {
  type: 'oauth2';
  /** The mailbox to send as (the `user=` of XOAUTH2). */
  user: string;
  /** The token endpoint: `https://` (certificate verified), or `http://` on a loopback address only. */
  tokenUrl: string;
  clientId: string;
  /** Never logged nor echoed in an error. */
  clientSecret: string;
  /** Space-separated scopes asked for, e.g. `https://outlook.office365.com/.default`; required by Microsoft. */
  scope?: string;
  /**
   * Use the refresh-token grant instead of client credentials (Google, whose token endpoint has no
   * client-credentials grant for Gmail). Never logged nor echoed in an error.
   */
  refreshToken?: string;
}

/** DKIM signing (RFC 6376): the signature a receiver checks against `<selector>._domainkey.<domain>`. */
export interface SmtpDkimOptions {
  /** The signing domain (`d=`), usually the sender's, e.g. `solidpoint.example`. */
  domain: string;
  /** The selector (`s=`): the key is published as a TXT record at `<selector>._domainkey.<domain>`. */
  selector: string;
  /**
   * The private key as PEM text (PKCS#8 or PKCS#1, unencrypted): RSA of 1024 bits or more (signs
   * rsa-sha256) or Ed25519 (signs ed25519-sha256, RFC 8463). Never logged; a bad key stops startup.
   */
  privateKey: string;
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
  /** AUTH: a password, or OAuth2 (XOAUTH2); omit for an unauthenticated relay. */
  auth?: SmtpPasswordAuth | SmtpOAuth2Auth;
  /** Sign every message with DKIM before it is logged and sent; omit when the relay signs (or nobody does). */
  dkim?: SmtpDkimOptions;
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
  /**
   * Servers to fail over to, tried in order after `host:port` when a server cannot be reached
   * (refused, timeout, DNS or TLS failure, or a greeting other than 220, e.g. `421`). A message a
   * server refuses (a 5xx, or a 4xx after the greeting) is not sent elsewhere. Each server has its
   * own pool of `poolSize` connections and shares `auth`. Default: none.
   * @example [{ host: 'smtp2.example.com', port: 587 }]
   */
  failover?: readonly SmtpServerOptions[];
  /** How long a server that could not be reached is skipped before it is tried again, in ms. Default 30 000. */
  failoverRetryMs?: number;
  /**
   * A throttling reply (`421`, or a 4xx with enhanced status 4.7.x) pauses all sending to that
   * server for this backoff, shared by every pooled connection. See {@link SmtpThrottleBackoff}.
   */
  throttleBackoff?: Partial<SmtpThrottleBackoff>;
}

/**
 * Options of `SmtpModule.forRoot` / `forRootAsync`.
 * @see smtpConfig for the same options read from SMTP_* environment variables.
 */
export type SmtpModuleOptions = SmtpDisabledOptions | SmtpEnabledOptions;
