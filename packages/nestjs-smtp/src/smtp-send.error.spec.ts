import { SmtpSendError } from './smtp-send.error.js';

const SERVER = { host: 'smtp.solidlab.test', port: 587 };

function nodemailerError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('SmtpSendError.fromTransportError', () => {
  it.each([
    [
      'an AUTH refusal: the reply verbatim, permanent',
      nodemailerError('Invalid login: 535 5.7.8 Error: authentication failed', {
        code: 'EAUTH',
        command: 'AUTH PLAIN',
        response: '535 5.7.8 Error: authentication failed',
        responseCode: 535,
      }),
      {
        message: '535 5.7.8 Error: authentication failed',
        responseCode: 535,
        enhancedStatus: '5.7.8',
        permanent: true,
      },
    ],
    [
      'a greylisting 451: the reply verbatim, transient',
      nodemailerError('Message failed: 451 4.7.1 Try again later', {
        code: 'EMESSAGE',
        command: 'DATA',
        response: '451 4.7.1 Try again later',
        responseCode: 451,
      }),
      { message: '451 4.7.1 Try again later', responseCode: 451, enhancedStatus: '4.7.1', permanent: false },
    ],
    [
      'a reply without an enhanced status code',
      nodemailerError('Message failed: 554 Transaction failed', {
        code: 'EMESSAGE',
        command: 'DATA',
        response: '554 Transaction failed',
        responseCode: 554,
      }),
      { message: '554 Transaction failed', responseCode: 554, enhancedStatus: undefined, permanent: true },
    ],
    [
      'a DNS failure, which names the host already',
      nodemailerError('getaddrinfo ENOTFOUND smtp.solidlab.test', { code: 'EDNS', command: 'CONN' }),
      {
        message: 'getaddrinfo ENOTFOUND smtp.solidlab.test',
        responseCode: undefined,
        enhancedStatus: undefined,
        permanent: false,
      },
    ],
    [
      'a timeout, with the host added',
      nodemailerError('Greeting never received', { code: 'ETIMEDOUT', command: 'CONN' }),
      { message: 'Greeting never received (smtp.solidlab.test:587)', permanent: false },
    ],
    [
      'a refused STARTTLS, reported as the TLS failure it is',
      nodemailerError('Error upgrading connection with STARTTLS: 500 Error: command not recognized', {
        code: 'ETLS',
        command: 'STARTTLS',
        response: '500 Error: command not recognized',
        responseCode: 500,
      }),
      {
        message: 'Error upgrading connection with STARTTLS: 500 Error: command not recognized (smtp.solidlab.test:587)',
        permanent: false,
      },
    ],
    [
      'an OpenSSL error, without its trailing newline',
      nodemailerError('error:0A00010B:SSL routines:ssl3_get_record:wrong version number:ssl3_record.c:350:\n', {
        code: 'ESOCKET',
        command: 'CONN',
      }),
      {
        message:
          'error:0A00010B:SSL routines:ssl3_get_record:wrong version number:ssl3_record.c:350: (smtp.solidlab.test:587)',
        permanent: false,
      },
    ],
  ])('describes %s', (_case, error, expected) => {
    const failure = SmtpSendError.fromTransportError(error, SERVER);
    expect(failure).toBeInstanceOf(SmtpSendError);
    expect(failure).toMatchObject(expected);
    expect(failure.cause).toBe(error);
  });
});
