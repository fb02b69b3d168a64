import { failureKind } from './smtp-failure.js';

/** An error shaped as nodemailer's smtp-connection formats it. */
function nodemailerError(code: string, command: string, response?: string) {
  const responseCode = response ? Number(response.slice(0, 3)) : undefined;
  return Object.assign(new Error('x'), { code, command, response, responseCode });
}

describe('failureKind', () => {
  it.each([
    ['a refused connection', nodemailerError('ECONNECTION', 'CONN'), 'unreachable'],
    ['a connection timeout', nodemailerError('ETIMEDOUT', 'CONN'), 'unreachable'],
    ['a DNS failure', nodemailerError('EDNS', 'CONN'), 'unreachable'],
    ['a TLS failure', nodemailerError('ETLS', 'CONN'), 'unreachable'],
    ['a STARTTLS refusal', nodemailerError('ETLS', 'STARTTLS', '454 4.7.0 TLS not available'), 'unreachable'],
    ['421 at the greeting', nodemailerError('EPROTOCOL', 'CONN', '421 4.7.0 Too many connections'), 'unreachable'],
    ['554 at the greeting', nodemailerError('EPROTOCOL', 'CONN', '554 5.7.1 No SMTP service here'), 'unreachable'],
    ['421 after DATA', nodemailerError('EMESSAGE', 'DATA', '421 4.7.0 Try again later'), 'throttled'],
    ['450 4.7.0 at RCPT', nodemailerError('EENVELOPE', 'RCPT TO', '450 4.7.0 Too many messages'), 'throttled'],
    ['451 4.7.1 after DATA', nodemailerError('EMESSAGE', 'DATA', '451 4.7.1 Try again later'), 'throttled'],
    ['454 4.7.0 at AUTH', nodemailerError('EAUTH', 'AUTH PLAIN', '454 4.7.0 Too many login attempts'), 'throttled'],
    ['451 4.3.0 (not a throttle)', nodemailerError('EMESSAGE', 'DATA', '451 4.3.0 Temporary failure'), 'refused'],
    ['550 5.1.1', nodemailerError('EENVELOPE', 'RCPT TO', '550 5.1.1 Mailbox does not exist'), 'refused'],
    ['550 5.7.1 (5.7.x is not a throttle)', nodemailerError('EMESSAGE', 'DATA', '550 5.7.1 Refused'), 'refused'],
    ['535 at AUTH', nodemailerError('EAUTH', 'AUTH PLAIN', '535 5.7.8 authentication failed'), 'refused'],
  ])('%s: %s', (_case, error, kind) => {
    expect(failureKind(error)).toBe(kind);
  });
});
