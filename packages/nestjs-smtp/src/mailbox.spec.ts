import { hasControlCharacter, isEmailAddress, parseMailbox } from './mailbox.js';

describe('isEmailAddress', () => {
  it.each([
    'ivan@solidlab.ru',
    'ivanov.ivan+tag@mail.solidlab.ru',
    "o'brien@example.co.uk",
    'a-b@x-y.example',
    'ivan@xn--80akhbyknj4f.xn--p1ai',
    'ivan@10.example.com',
  ])('accepts %s', (address) => {
    expect(isEmailAddress(address)).toBe(true);
  });

  it.each([
    '',
    'ivan',
    'ivan@localhost',
    '@solidlab.ru',
    'ivan@',
    'ivan..x@solidlab.ru',
    '.ivan@solidlab.ru',
    'ivan @solidlab.ru',
    'ivan@solidlab..ru',
    'ivan@-solidlab.ru',
    'Ivan <ivan@solidlab.ru>',
    'ivan@solidlab.ru\r\nBcc: x@y.ru',
    'a@b.ru,c@d.ru',
    'иван@solidlab.ru',
    `${'a'.repeat(65)}@solidlab.ru`,
    `a@${'b'.repeat(250)}.ru`,
    'x@127.0.0.1',
    'x@[127.0.0.1]',
    'x@example.c',
    'x@example.123',
    'x@example.r2',
    'x@example.xn--',
  ])('refuses %j', (address) => {
    expect(isEmailAddress(address)).toBe(false);
  });
});

describe('parseMailbox', () => {
  it.each([
    ['noreply@solidpoint.test', { address: 'noreply@solidpoint.test' }],
    ['SolidPoint <noreply@solidpoint.test>', { address: 'noreply@solidpoint.test', name: 'SolidPoint' }],
    ['"Solid Point" <noreply@solidpoint.test>', { address: 'noreply@solidpoint.test', name: 'Solid Point' }],
    ['<noreply@solidpoint.test>', { address: 'noreply@solidpoint.test' }],
  ])('parses %j', (value, mailbox) => {
    expect(parseMailbox(value)).toEqual(mailbox);
  });

  it.each(['SolidPoint', 'Solid\nPoint <a@b.test>', 'A <b@c.test> <d@e.test>', 'A <not an address>'])(
    'refuses %j',
    (value) => {
      expect(parseMailbox(value)).toBeUndefined();
    },
  );
});

describe('hasControlCharacter', () => {
  it.each(['\r', '\n', '\t', '\u0000', '\u007f', '\u0085', '\u2028', '\u2029'])('finds %j', (character) => {
    expect(hasControlCharacter(`a${character}b`)).toBe(true);
  });

  it('accepts ordinary text in any script', () => {
    expect(hasControlCharacter('Иван Іваненко-Smith O\u2019Brien 李')).toBe(false);
  });
});
