import { exceedsJsonDepth } from './json-depth';

describe('exceedsJsonDepth', () => {
  it.each([
    ['a flat object at its depth', '{"a":1}', 1, false],
    ['a scalar', '"text"', 0, false],
    ['an object one level too deep', '{"a":{"b":1}}', 1, true],
    ['arrays and objects alike', '[{"a":[1]}]', 2, true],
    ['siblings, which do not add up', '{"a":[1],"b":[2],"c":{"d":3}}', 2, false],
    ['brackets inside a string', '{"a":"[[[[{{{{"}', 1, false],
    ['an escaped quote, then brackets still in the string', '{"a":"\\"[[[["}', 1, false],
    ['an escaped backslash ending the string, then real nesting', '{"a":"\\\\","b":[[1]]}', 2, true],
    ["the issue's 1,500 nested arrays", `{"x":${'['.repeat(1500)}${']'.repeat(1500)}}`, 32, true],
    ['32 levels at a limit of 32', `${'['.repeat(32)}${']'.repeat(32)}`, 32, false],
    ['33 levels at a limit of 32', `${'['.repeat(33)}${']'.repeat(33)}`, 32, true],
  ])('%s', (_case, json, maxDepth, expected) => {
    expect(exceedsJsonDepth(Buffer.from(json), maxDepth)).toBe(expected);
  });
});
