import { isPersonName } from './person-name';

describe('isPersonName', () => {
  it.each([
    ['Latin', 'Ivan'],
    ['Cyrillic', 'Иван'],
    ['CJK', '李小龍'],
    ['Arabic', 'محمد'],
    ['Devanagari with its marks', 'देवनागरी'],
    ['Persian with a zero-width non-joiner', 'نیک\u200Cنام'],
    ['a combining accent', 'Jose\u0301'],
    ['an apostrophe', "O'Brien"],
    ['a typographic apostrophe', 'D\u2019Arcy'],
    ['a hyphen and a space', 'Jean-Luc Picard'],
    ['an ideographic space', '山田\u3000太郎'],
  ])('accepts %s', (_case, name) => {
    expect(isPersonName(name)).toBe(true);
  });

  it.each([
    ['only spaces', '   '],
    ['only zero-width spaces', '\u200B\u200B\u200B'],
    ['only a Hangul filler', '\u3164'],
    ['only digits and punctuation', "1-2 '3'"],
    ['a right-to-left override', '\u202Eevil\u202C'],
    ['a bidirectional isolate', 'Ivan\u2066x\u2069'],
    ['a right-to-left mark', 'Ivan\u200F'],
    ['a zero-width space inside', 'Iv\u200Ban'],
    ['a soft hyphen', 'Iv\u00ADan'],
    ['a byte-order mark', '\uFEFFIvan'],
    ['a private-use character', 'Ivan\uE000'],
    ['a line feed', 'Ivan\nBcc: x@example.com'],
    ['a line separator', 'Ivan\u2028'],
  ])('refuses %s', (_case, name) => {
    expect(isPersonName(name)).toBe(false);
  });
});
