import { enhancedStatusOf } from './recipient-refusals.js';

/**
 * What a failed send says about the server, as failover and throttling need it:
 * - `unreachable`: no SMTP session (refused, timeout, DNS, TLS, or a greeting other than 220,
 *   e.g. `421` at connect): another server may do;
 * - `throttled`: the server asks to slow down (`421`, or a 4xx with enhanced status 4.7.x, after
 *   the greeting): pause sending to it;
 * - `refused`: the server refused this message or these credentials: another server would too.
 */
export type SmtpFailureKind = 'unreachable' | 'throttled' | 'refused';

// nodemailer's codes for failures to establish or keep a session (see its smtp-connection).
const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EPROTOCOL']);
// The steps that open a session: a failure there, reply or not, means no session with this server.
const SESSION_COMMANDS = new Set(['CONN', 'EHLO', 'HELO', 'LHLO', 'STARTTLS']);

/** Classifies an error thrown by nodemailer. */
export function failureKind(error: unknown): SmtpFailureKind {
  const { code, command, responseCode, response } = (error ?? {}) as {
    code?: string;
    command?: string;
    responseCode?: number;
    response?: string;
  };
  if (command !== undefined && SESSION_COMMANDS.has(command)) return 'unreachable';
  if (typeof responseCode === 'number' && responseCode >= 400) {
    const enhancedStatus = enhancedStatusOf(response ?? '') ?? '';
    const throttling = responseCode === 421 || (responseCode < 500 && enhancedStatus.startsWith('4.7.'));
    return throttling ? 'throttled' : 'refused';
  }
  return code !== undefined && CONNECTION_CODES.has(code) ? 'unreachable' : 'refused';
}
