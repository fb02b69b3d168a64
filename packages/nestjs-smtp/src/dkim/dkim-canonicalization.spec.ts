import { headerFields, relaxedBody, relaxedHeader } from './dkim-canonicalization.js';

describe('relaxed canonicalisation (RFC 6376 §3.4.5 examples and more)', () => {
  it.each([
    ['A: X', 'a:X'],
    ['B : Y\t\r\n\tZ  ', 'b:Y Z'],
    ['Subject:  Hello   world ', 'subject:Hello world'],
    ['To: a@example.test,\r\n b@example.test', 'to:a@example.test, b@example.test'],
  ])('header %j becomes %j', (field, expected) => {
    expect(relaxedHeader(field)).toBe(expected);
  });

  it.each([
    [' C \r\nD \t E\r\n\r\n\r\n', ' C\r\nD E\r\n'],
    ['', ''],
    ['\r\n\r\n', ''],
    ['text', 'text\r\n'],
    ['line  one\t\r\nline two\r\n', 'line one\r\nline two\r\n'],
  ])('body %j becomes %j', (body, expected) => {
    expect(relaxedBody(body)).toBe(expected);
  });

  it('splits a header block into fields, folded lines kept with their field', () => {
    expect(headerFields('From: a@x.test\r\nSubject: =?UTF-8?Q?a?=\r\n =?UTF-8?Q?b?=\r\nDate: now')).toEqual([
      { name: 'From', text: 'From: a@x.test' },
      { name: 'Subject', text: 'Subject: =?UTF-8?Q?a?=\r\n =?UTF-8?Q?b?=' },
      { name: 'Date', text: 'Date: now' },
    ]);
  });
});
