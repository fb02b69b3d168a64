import type { SmtpDescription } from './interfaces/smtp-description.interface.js';
import type { SmtpMessage, SmtpSendOptions } from './interfaces/smtp-message.interface.js';
import type { SmtpSendResult } from './interfaces/smtp-send-result.interface.js';
import type { SmtpServerState, SmtpThrottlePause } from './interfaces/smtp-server-state.interface.js';

/**
 * Sends email. Inject it by this class; `SmtpModule` provides the real client when SMTP is
 * configured and a silent no-op when it is not, so callers never check whether SMTP is on.
 *
 * @example
 * constructor(private readonly smtp: SmtpClient) {}
 * const { messageId, response } = await this.smtp.send({ to: 'ivan@example.com', subject: 'Hello', text: 'Hi Ivan' });
 */
export abstract class SmtpClient {
  /** Whether SMTP is on and where it sends, without the credentials. */
  abstract readonly description: SmtpDescription;

  /**
   * Sends one message. Resolves when the server has accepted it, with the recipients it accepted
   * and its reply (at once, with `sent: false`, when SMTP is off). Rejects with an
   * {@link SmtpSendError} (reply code, enhanced status, whether retrying can help) that the client
   * has already logged as "Failed to send email", so callers need not log it again; except when
   * every server is paused by throttling (`error.attempted` false): nothing was sent, and the
   * pause's own warning is the only line.
   */
  abstract send(message: SmtpMessage, options?: SmtpSendOptions): Promise<SmtpSendResult>;

  /**
   * Checks, without sending, that the server answers and accepts the credentials. Rejects with
   * an `SmtpSendError` worded as a failed send would log it; resolves at once when SMTP is off.
   * Each call opens an SMTP session: cache the outcome when polling (the app's `/health` does).
   */
  abstract verify(): Promise<void>;

  /** Each configured server, in order: which one is in use, which are down or paused. Empty when SMTP is off. */
  serverStates(): readonly SmtpServerState[] {
    return [];
  }

  /**
   * When every server is paused by throttling, when the earliest pause ends: a queue should not
   * hand over messages before then. Undefined while any server may be sent to.
   */
  pausedUntil(): Date | undefined {
    return undefined;
  }

  /**
   * Applies a throttle pause that another process met (shared through a store the caller keeps,
   * e.g. a database table), so this process does not send to that server before `pause.until`
   * either. Ignored for a server not configured here, or already paused for longer.
   */
  honourPause(pause: SmtpThrottlePause): void {
    // A client without servers (SMTP off, or in memory) has nothing to pause.
    void pause;
  }
}
