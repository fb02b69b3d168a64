import { simpleParser } from 'mailparser';
import { encodeQuotedPrintable } from './quoted-printable.js';

const x = (count: number) => 'x'.repeat(count);

describe('encodeQuotedPrintable', () => {
  it.each([
    ['keeps printable ASCII as it is', 'Ivan, welcome to SolidPoint!', 'Ivan, welcome to SolidPoint!'],
    ['escapes "="', 'a=b', 'a=3Db'],
    ['writes a character as its UTF-8 bytes', 'organization\u2019s', 'organization=E2=80=99s'],
    ['writes a character outside the BMP as its four UTF-8 bytes', '\u{1F600}', '=F0=9F=98=80'],
    ['writes a surrogate without its pair as U+FFFD, as Buffer.from does', '\ud800x\udc00', '=EF=BF=BDx=EF=BF=BD'],
    ['writes LF as CRLF', 'a\n\nb\n', 'a\r\n\r\nb\r\n'],
    ['escapes a CR, which is data here', 'a\rb', 'a=0Db'],
    ['escapes control characters', '\x00\x1b\x7f', '=00=1B=7F'],
    ['keeps TAB and spaces inside a line', 'a\tb c', 'a\tb c'],
    ['escapes whitespace at the end of a line and of the text', 'a \nb\t', 'a=20\r\nb=09'],
    ['breaks a line without spaces at 75 characters and a "="', x(80), `${x(75)}=\r\n${x(5)}`],
    ['keeps a line of 75 characters whole', `${x(75)}\n${x(75)}`, `${x(75)}\r\n${x(75)}`],
    ['never splits an escape sequence', `${x(74)}\u2019`, `${x(74)}=\r\n=E2=80=99`],
    ['breaks after the last space when it is near the end of the line', `${x(60)} ${x(30)}`, `${x(60)} =\r\n${x(30)}`],
    ['breaks after punctuation too', `${x(60)}.${x(30)}`, `${x(60)}.=\r\n${x(30)}`],
    ['breaks at the limit when the last space is far back', `${x(10)} ${x(80)}`, `${x(10)} ${x(64)}=\r\n${x(16)}`],
  ])('%s', (_case, text, encoded) => {
    expect(encodeQuotedPrintable(text)).toBe(encoded);
  });

  it.each([
    [
      'the registration email',
      'Ivan, welcome\n\nPlease wait until your organization\u2019s administrator activates it.\n',
    ],
    ['long lines of mixed scripts', `${'Иван и Ivan, \u{1F600} = ok.\t'.repeat(20)}\n${'word '.repeat(50)}`],
    ['escapes and word breaks near every column', Array.from({ length: 80 }, (_, i) => `${x(i)}\u2019 `).join('\n')],
    ['a text far larger than the shared buffer', 'Иван \u2019 '.repeat(20_000)],
  ])('encodes %s in lines of at most 76 characters that decode back to it', async (_case, text) => {
    const encoded = encodeQuotedPrintable(text);
    const lines = encoded.split('\r\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(76);
    expect(lines.filter((line) => /[ \t]$/.test(line))).toEqual([]);
    expect(encoded).toMatch(/^[\x20-\x7e\t\r\n]*$/);
    const parsed = await simpleParser(
      `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${encoded}`,
    );
    expect(parsed.text).toBe(text);
  });
});
