/**
 * A pause of all sending to one server after it answered with a throttling reply (`421`, or a
 * 4xx with enhanced status 4.7.x).
 */
export interface SmtpThrottlePause {
  /** The server, as `host:port`. */
  server: string;
  /** When sending to it may resume. */
  until: Date;
  /** The server's reply, verbatim, e.g. `421 4.7.0 Try again later`. */
  reply: string;
}

/** Where one configured server stands, from `SmtpClient.serverStates()`. */
export interface SmtpServerState {
  /** The server, as `host:port`. */
  server: string;
  /** True for the one server sends go to now: the last that took a message or answered a check. */
  inUse: boolean;
  /** Set while the server is marked down (it could not be reached). */
  down?: {
    /** The network, TLS or greeting error that marked it down. */
    error: string;
    /** When it is tried again. */
    retryAt: Date;
  };
  /** Set while sending to it is paused because it throttled. */
  paused?: SmtpThrottlePause;
}
