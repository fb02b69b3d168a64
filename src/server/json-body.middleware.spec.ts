import { isJsonMediaType } from './json-body.middleware';

describe('isJsonMediaType', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON;charset=UTF-8', true],
    ['application/merge-patch+json', true],
    ['application/vnd.solidpoint.v1+json', true],
    ['text/plain', false],
    ['text/json', false],
    ['application/x-www-form-urlencoded', false],
    ['multipart/form-data; boundary=x', false],
    ['application/jsonp', false],
    ['', false],
    [undefined, false],
  ])('%j: %s', (contentType, json) => {
    expect(isJsonMediaType(contentType)).toBe(json);
  });
});
