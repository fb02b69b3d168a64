import fc from 'fast-check';
import request from 'supertest';
import { InMemorySmtpClient } from '@solidpoint/nestjs-smtp/testing';
import { expectNoInternals } from './support/no-internals';
import { VALID_PASSWORD } from './support/registration';
import { createTestApp, type TestApp } from './support/test-app';

/** Any UTF-16 code unit, lone surrogates and controls included: what a hostile JSON string can hold. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
/** Code units that have broken parsers, headers and databases: lone surrogates, controls, text-direction marks. */
const edgeCodeUnit = fc.constantFrom(
  '\ud83d',
  '\udc00',
  '\u0000',
  '\r\n',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\u2028',
  '\u0301',
  '"',
  '\\',
  'Я',
  'a',
);
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: anyCodeUnit }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: edgeCodeUnit }),
);

/** JSON values whose strings, property names included, may be anything. */
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1e308, 0.5),
    hostileString,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'toString')), tie('value'), {
      maxKeys: 5,
    }),
  ),
})).value;

/**
 * A registration with one field made hostile: the others valid, so that the hostile value goes as
 * far as validation lets it (a name that passes reaches the database, the outbox and the email).
 */
const registrationLike = fc
  .record({
    valid: fc.record({
      email: fc.emailAddress(),
      firstName: fc.constantFrom('Anna', 'Иван', '李'),
      password: fc.constant(VALID_PASSWORD),
    }),
    field: fc.constantFrom('email', 'firstName', 'lastName', 'password', '__proto__', 'toString'),
    value: fc.oneof(
      hostileString,
      // A name with odd characters after a letter: the kind that passes the name rules.
      { weight: 3, arbitrary: fc.string({ unit: edgeCodeUnit, minLength: 1 }).map((text) => `Anna${text}`) },
      hostileJson,
    ),
  })
  .map(({ valid, field, value }) => JSON.stringify({ ...valid, [field]: value }));

/** The text of a valid registration with some bytes changed, removed or added. */
const mangledJson = fc
  .tuple(fc.nat(), fc.nat({ max: 4 }), fc.uint8Array({ maxLength: 6 }))
  .map(([at, removed, inserted]) => {
    const text = Buffer.from(
      JSON.stringify({ email: 'fuzz@solidlab.test', firstName: 'Anna', password: VALID_PASSWORD }),
    );
    const position = at % text.length;
    return Buffer.concat([text.subarray(0, position), Buffer.from(inserted), text.subarray(position + removed)]);
  });

/** Bytes, JSON text and media types as a client could send them. */
const body = fc.oneof(
  { weight: 3, arbitrary: hostileJson.map((value) => JSON.stringify(value) ?? 'null') },
  // Rarer: a registration that passes validation is hashed, which takes a fifth of a second.
  { weight: 1, arbitrary: registrationLike },
  { weight: 2, arbitrary: mangledJson },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)) },
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/merge-patch+json',
  'text/plain',
  'application/x-www-form-urlencoded',
);

describe('POST /users under generated hostile bodies', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({}, new InMemorySmtpClient('SolidPoint <noreply@solidpoint.test>'));
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('never answers 5xx, and logs no error and no stack', async () => {
    await fc.assert(
      fc.asyncProperty(body, contentType, async (sent, type) => {
        const response = await request(testApp.app.getHttpServer())
          .post('/users')
          .set('Content-Type', type)
          .serialize((raw: unknown) => raw as string)
          .send(sent);
        expect(response.status).toBeLessThan(500);
        // A refusal is Nest's plain error body; nothing else (a 201, a 409) needs checking here.
        if (response.status >= 400) {
          expect(response.body).toMatchObject({ statusCode: response.status, message: expect.anything() });
        }
      }),
      { numRuns: 2000 },
    );
    expect(testApp.logs.lines().filter((line) => line.level === 'error')).toEqual([]);
    expectNoInternals(testApp.logs.text.join(''));
    // About 20 s on an idle machine: the registrations that pass validation are hashed.
  }, 180_000);
});
