import type { SmtpAttempt } from './interfaces/smtp-message.interface.js';
import type { SmtpThrottlePause } from './interfaces/smtp-server-state.interface.js';
import type { SmtpRecipientRefusal } from './interfaces/smtp-recipient-refusal.interface.js';
import type { InvalidSmtpMessageError } from './message-composer.js';
import { enhancedStatusOf, recipientRefusalsOf } from './recipient-refusals.js';

/**
 * Why a send failed, as an operator should read it: the server's reply verbatim when the server
 * refused (`535 5.7.8 Error: authentication failed: ...`), otherwise the network or TLS error
 * with the host that failed (`getaddrinfo ENOTFOUND smtp.example.invalid`).
 */
export class SmtpSendError extends Error {
  /** The server's reply code (e.g. 535, 550, 451), when the server replied with an error. */
  readonly responseCode?: number;
  /**
   * The enhanced status code (RFC 3463) of the server's reply, when it gave one: `5.1.1` (no
   * such mailbox), `5.7.8` (bad credentials), `4.7.1` (try later), …
   */
  readonly enhancedStatus?: string;
  /** True when retrying the same message cannot help: a 5xx reply, or a message we refused to send. */
  readonly permanent: boolean;
  /**
   * When the server refused every recipient: each one with its own reply (the error's own reply
   * is the last one, or a temporary one when there is any). Empty otherwise.
   */
  readonly refusals: readonly SmtpRecipientRefusal[];
  /** When the send failed. */
  readonly failedAt = new Date();
  /**
   * Set when the send met a throttle: the server answered with a throttling reply, or (with
   * `attempted` false) every server was already paused. Sending resumes at `throttle.until`.
   */
  readonly throttle?: SmtpThrottlePause;
  /**
   * False when nothing reached a server (every server was paused): such a send is not logged as
   * "Failed to send email", and a caller counting attempts should not count it.
   */
  readonly attempted: boolean;

  constructor(
    message: string,
    options: {
      responseCode?: number;
      enhancedStatus?: string;
      permanent: boolean;
      throttle?: SmtpThrottlePause;
      attempted?: boolean;
      refusals?: readonly SmtpRecipientRefusal[];
      cause?: unknown;
    },
  ) {
    super(message, { cause: options.cause });
    this.name = 'SmtpSendError';
    this.responseCode = options.responseCode;
    this.enhancedStatus = options.enhancedStatus;
    this.permanent = options.permanent;
    this.throttle = options.throttle;
    this.attempted = options.attempted ?? true;
    this.refusals = options.refusals ?? [];
  }

  /**
   * When to try again after this failure of `attempt`: its retry delay after the failure, or
   * `undefined` when retrying cannot help (a permanent failure) or the attempts are used up.
   * After a throttle: when the pause ends, whatever the attempt (a throttle is not the message's
   * fault, so it should not use up an attempt).
   * The client logs the same answer on the "Failed to send email" line.
   */
  nextAttemptAt({ attempt, maxAttempts, retryDelayMs }: SmtpAttempt): Date | undefined {
    if (this.throttle) return this.throttle.until;
    if (this.permanent || attempt >= maxAttempts) return undefined;
    return new Date(this.failedAt.getTime() + retryDelayMs);
  }

  /** @internal A message refused before anything was sent (see `composeMessage`): retrying cannot help. */
  static fromInvalidMessage(error: InvalidSmtpMessageError): SmtpSendError {
    return new SmtpSendError(`Invalid message: ${error.message}`, { permanent: true, cause: error });
  }

  /** @internal Nothing was sent: every server is paused, the earliest until `pause.until`. */
  static fromPause(pause: SmtpThrottlePause): SmtpSendError {
    const message = `Not sent: ${pause.server} throttles ("${pause.reply}"); sending resumes at ${pause.until.toISOString()}`;
    return new SmtpSendError(message, { permanent: false, throttle: pause, attempted: false });
  }

  /**
   * @internal Describes an error thrown by nodemailer while talking to `host:port`; `throttle`
   * when the error was a throttling reply that paused the server.
   */
  static fromTransportError(
    error: unknown,
    server: { host: string; port: number },
    throttle?: SmtpThrottlePause,
  ): SmtpSendError {
    const reply = serverReply(error);
    if (reply) {
      return new SmtpSendError(reply.response, {
        responseCode: reply.responseCode,
        enhancedStatus: enhancedStatusOf(reply.response),
        permanent: reply.responseCode >= 500,
        refusals: recipientRefusalsOf(error),
        cause: error,
        throttle,
      });
    }
    const message = (error instanceof Error ? error.message : String(error)).trim();
    // Node's DNS and socket errors name the host; nodemailer's timeouts and TLS errors do not.
    const described = message.includes(server.host) ? message : `${message} (${server.host}:${server.port})`;
    return new SmtpSendError(described, { permanent: false, cause: error });
  }
}

interface ServerReply {
  response: string;
  responseCode: number;
}

/**
 * nodemailer puts the server's error reply on `response` and its code on `responseCode`. A refused
 * STARTTLS is reported as the TLS failure it is: nodemailer's message already quotes the reply.
 */
function serverReply(error: unknown): ServerReply | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { response, responseCode, command } = error as Partial<ServerReply> & { command?: string };
  return typeof response === 'string' &&
    typeof responseCode === 'number' &&
    responseCode >= 400 &&
    command !== 'STARTTLS'
    ? { response, responseCode }
    : undefined;
}
