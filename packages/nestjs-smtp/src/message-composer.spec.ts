import { simpleParser } from 'mailparser';
import { composeMessage, InvalidSmtpMessageError } from './message-composer.js';

const SENDER = { address: 'noreply@solidpoint.test' };

describe('composeMessage', () => {
  it('builds headers, envelope and a quoted-printable UTF-8 body with CRLF line endings only', async () => {
    const composed = composeMessage(SENDER, {
      to: 'ivan@solidlab.test',
      subject: 'Registration for SolidPoint',
      text: 'Иван, welcome\n\norganization\u2019s\r\nend\n',
    });
    expect(composed.envelope).toEqual({ from: 'noreply@solidpoint.test', to: ['ivan@solidlab.test'] });
    expect(composed.messageId).toMatch(/^<[0-9a-f-]{36}@solidpoint\.test>$/);
    expect(composed.raw).not.toMatch(/[^\r]\n|\r[^\n]/);
    const [headers] = composed.raw.split('\r\n\r\n');
    expect(headers.split('\r\n')).toEqual(
      expect.arrayContaining([
        'From: noreply@solidpoint.test',
        'To: ivan@solidlab.test',
        'Subject: Registration for SolidPoint',
        `Message-ID: ${composed.messageId}`,
        'Content-Transfer-Encoding: quoted-printable',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        expect.stringMatching(/^Date: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}$/),
      ]),
    );
    const parsed = await simpleParser(composed.raw);
    expect(parsed.text).toBe('Иван, welcome\n\norganization\u2019s\nend\n');
  });

  it('encodes a non-ASCII subject and display name instead of sending raw UTF-8 in headers', async () => {
    const composed = composeMessage(
      { address: 'noreply@solidpoint.test', name: 'СолидПоинт' },
      {
        to: ['a@solidlab.test'],
        subject: 'Регистрация',
        text: 'x',
      },
    );
    expect(composed.raw).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    const parsed = await simpleParser(composed.raw);
    expect(parsed.subject).toBe('Регистрация');
    expect(parsed.from?.value).toEqual([{ address: 'noreply@solidpoint.test', name: 'СолидПоинт' }]);
  });

  it('uses a per-message sender when given', () => {
    const composed = composeMessage(SENDER, {
      from: 'Alerts <alerts@solidpoint.test>',
      to: 'a@solidlab.test',
      subject: 's',
      text: 't',
    });
    expect(composed.envelope.from).toBe('alerts@solidpoint.test');
    expect(composed.raw).toContain('From: Alerts <alerts@solidpoint.test>\r\n');
  });

  it.each([
    ['a CRLF in the subject', { subject: 'Hi\r\nBcc: victim@solidlab.test' }, '"subject" contains a control character'],
    [
      'a bare LF in the subject',
      { subject: 'Hi\nBcc: victim@solidlab.test' },
      '"subject" contains a control character',
    ],
    [
      'a Unicode line separator in the subject',
      { subject: 'Hi\u2028Bcc: x' },
      '"subject" contains a control character',
    ],
    [
      'a CRLF in a recipient',
      { to: 'a@solidlab.test\r\nBcc: victim@solidlab.test' },
      '"to" holds something that is not an email address',
    ],
    [
      'two recipients in one string',
      { to: 'a@solidlab.test, victim@solidlab.test' },
      '"to" holds something that is not an email address',
    ],
    [
      'an SMTP command in a recipient',
      { to: 'a@solidlab.test>\r\nRCPT TO:<victim@solidlab.test' },
      '"to" holds something that is not an email address',
    ],
    ['no recipient', { to: [] }, '"to" has no recipient'],
    [
      'a CRLF in the sender name',
      { from: 'Evil\r\nBcc: x@y.test <a@solidpoint.test>' },
      '"from" is not an email address',
    ],
  ])('refuses %s', (_case, override, message) => {
    const attempt = () => composeMessage(SENDER, { to: 'a@solidlab.test', subject: 's', text: 't', ...override });
    expect(attempt).toThrow(InvalidSmtpMessageError);
    expect(attempt).toThrow(message);
  });

  it('sends text and html as multipart/alternative, each part intact', async () => {
    const composed = composeMessage(SENDER, {
      to: 'a@solidlab.test',
      subject: 's',
      text: 'Plain Иван',
      html: '<p>Rich Иван</p>',
    });
    expect(composed.raw).not.toMatch(/[^\r]\n|\r[^\n]/);
    const parsed = await simpleParser(composed.raw);
    expect(parsed.text).toBe('Plain Иван');
    expect(parsed.html).toBe('<p>Rich Иван</p>');
  });

  it('wraps long ASCII lines as quoted-printable, and sends short ASCII as 7bit', async () => {
    const long = 'word '.repeat(40).trim();
    const wrapped = composeMessage(SENDER, { to: 'a@solidlab.test', subject: 's', text: long });
    expect(wrapped.raw).toContain('Content-Transfer-Encoding: quoted-printable');
    expect(Math.max(...wrapped.raw.split('\r\n').map((line) => line.length))).toBeLessThanOrEqual(78);
    // A single-part body ends with the message's final line break, as nodemailer's own do.
    expect((await simpleParser(wrapped.raw)).text).toBe(`${long}\n`);
    expect(composeMessage(SENDER, { to: 'a@solidlab.test', subject: 's', text: 'short' }).raw).toContain(
      'Content-Transfer-Encoding: 7bit',
    );
  });

  it.each([
    ['ASCII lines of 76 characters', `${'x'.repeat(76)}\n${'y'.repeat(76)}`, '7bit'],
    ['an ASCII line of 77 characters', 'x'.repeat(77), 'quoted-printable'],
    ['ASCII with a control character', 'bell\x07', 'quoted-printable'],
  ])('sends %s as %s', async (_case, text, encoding) => {
    const composed = composeMessage(SENDER, { to: 'a@solidlab.test', subject: 's', text });
    expect(composed.raw).toContain(`Content-Transfer-Encoding: ${encoding}\r\n`);
    expect((await simpleParser(composed.raw)).text).toBe(`${text}\n`);
  });

  it('folds a long subject and a long recipient list into lines of at most 78 characters', async () => {
    const to = Array.from({ length: 8 }, (_, i) => `recipient${i}@solidlab.test`);
    const subject = 'A rather long subject line that goes on and on well past the usual width';
    const composed = composeMessage(SENDER, { to, subject, text: 'x' });
    expect(Math.max(...composed.raw.split('\r\n').map((line) => line.length))).toBeLessThanOrEqual(78);
    const parsed = await simpleParser(composed.raw);
    expect(parsed.subject).toBe(subject);
    expect(
      (Array.isArray(parsed.to) ? parsed.to : [parsed.to]).flatMap((field) => field?.value.map((a) => a.address)),
    ).toEqual(to);
  });

  it('keeps header-like lines in the body inside the body', async () => {
    const composed = composeMessage(SENDER, {
      to: 'a@solidlab.test',
      subject: 's',
      text: 'Ivan\r\n\r\nBcc: victim@solidlab.test\r\n',
    });
    const parsed = await simpleParser(composed.raw);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.text).toContain('Bcc: victim@solidlab.test');
  });
});
