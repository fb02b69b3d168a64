import { findIllFormedText } from './ill-formed-text';

describe('findIllFormedText', () => {
  it.each([
    ['plain fields', { firstName: 'Ivan', age: 3, ok: true, none: null }, undefined],
    ['a surrogate pair (an emoji)', { firstName: 'Ivan \ud83d\ude00' }, undefined],
    ['a lone high surrogate', { email: 'a@b.ru', firstName: '\ud83d' }, 'firstName'],
    ['a lone low surrogate', { lastName: 'Iv\ude00an' }, 'lastName'],
    ['halves in the wrong order', { password: '\ude00\ud83d' }, 'password'],
    ['an array item', { tags: ['a', 'b', 'c\ud800'] }, 'tags[2]'],
    ['a nested field', { address: { city: '\udfff' } }, 'address.city'],
    ['a property name', { 'x\ud800': 1 }, '"x\\ud800"'],
    ['a string body', '\ud800', 'the body'],
  ])('%s', (_case, body, path) => {
    expect(findIllFormedText(body)).toBe(path);
  });
});
