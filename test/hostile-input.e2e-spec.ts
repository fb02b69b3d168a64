import { sql } from 'drizzle-orm';
import { connect, type Socket } from 'node:net';
import request from 'supertest';
import type { Database } from '../src/database/database';
import { DATABASE } from '../src/database/database.constants';
import { InMemorySmtpClient } from '@solidpoint/nestjs-smtp/testing';
import { expectNoInternals } from './support/no-internals';
import { VALID_PASSWORD } from './support/registration';
import { AVAILABLE_DATABASES, createTestDatabase } from './support/test-database';
import { createTestApp, type TestApp } from './support/test-app';

const FROM = 'SolidPoint <noreply@solidpoint.test>';

describe('hostile request bodies with SMTP on', () => {
  let testApp: TestApp;
  const smtp = new InMemorySmtpClient(FROM);
  const valid = { email: 'hostile@solidlab.test', firstName: 'Anna', password: VALID_PASSWORD };
  /** POSTs `body` as it is, JSON or not, so that it can be what no JSON encoder would write. */
  const postRaw = (body: string | Buffer, contentType = 'application/json') =>
    request(testApp.app.getHttpServer())
      .post('/users')
      .set('Content-Type', contentType)
      // As it is: superagent would otherwise write a Buffer as JSON.
      .serialize((raw: unknown) => raw as string)
      .send(body);
  const post = (body: object) => request(testApp.app.getHttpServer()).post('/users').send(body);
  const badRequest = (message: string | string[]) => ({ statusCode: 400, error: 'Bad Request', message });

  beforeAll(async () => {
    testApp = await createTestApp({}, smtp);
  });

  afterEach(() => {
    expect(testApp.logs.lines().filter((line) => line.level === 'error')).toEqual([]);
    expectNoInternals(testApp.logs.text.join(''));
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('answers 1,500 nested arrays with 400 before anything recursive reads them', async () => {
    const response = await postRaw(`{"x":${'['.repeat(1500)}${']'.repeat(1500)}}`).expect(400);
    expect(response.body).toEqual(
      badRequest('The request body must not nest arrays and objects more than 32 levels deep'),
    );
  });

  it('answers 1,000 nested objects under __proto__ keys with 400', async () => {
    const response = await postRaw(`${'{"__proto__":'.repeat(1000)}1${'}'.repeat(1000)}`).expect(400);
    expect(response.body.message).toBe('The request body must not nest arrays and objects more than 32 levels deep');
  });

  it('reads a body at the depth limit', async () => {
    const nested = `${'['.repeat(31)}1${']'.repeat(31)}`;
    const response = await postRaw(JSON.stringify(valid).replace('{', `{"deep":${nested},`)).expect(400);
    expect(response.body).toEqual(badRequest(['property deep should not exist']));
  });

  it.each(['email', 'firstName', 'lastName', 'password'])(
    'answers a lone surrogate in %s with 400 naming the field, queueing nothing',
    async (field) => {
      const body = JSON.stringify({ ...valid, [field]: 'X' }).replace('"X"', '"\\ud83d"');
      const response = await postRaw(body).expect(400);
      expect(response.body).toEqual(badRequest([`${field} must be well-formed Unicode text, without lone surrogates`]));
      expect(smtp.find({ to: valid.email })).toEqual([]);
    },
  );

  it('answers a lone surrogate in an unknown field with 400 naming it', async () => {
    const response = await postRaw(JSON.stringify({ ...valid, note: 'X' }).replace('"X"', '"\\udc00"')).expect(400);
    expect(response.body).toEqual(badRequest(['note must be well-formed Unicode text, without lone surrogates']));
  });

  it('answers invalid UTF-8 with 400 instead of replacing it with U+FFFD', async () => {
    const body = Buffer.concat([
      Buffer.from('{"email":"utf8@solidlab.test","firstName":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`Anna","password":"${VALID_PASSWORD}"}`),
    ]);
    const response = await postRaw(body).expect(400);
    expect(response.body).toEqual(badRequest('The request body is not valid UTF-8'));
  });

  it('answers JSON in UTF-16 with 415', async () => {
    const body = Buffer.from(`\ufeff${JSON.stringify({ ...valid, email: 'utf16@solidlab.test' })}`, 'utf16le');
    const response = await postRaw(body, 'application/json; charset=utf-16le').expect(415);
    expect(response.body.message).toBe('The request body must be uncompressed JSON in UTF-8');
  });

  it.each([...Object.getOwnPropertyNames(Object.prototype), 'prototype'])(
    'refuses the field %s like any unknown field',
    async (name) => {
      const response = await postRaw(JSON.stringify({ ...valid, email: 'special@solidlab.test', [name]: 1 })).expect(
        400,
      );
      expect(response.body).toEqual(badRequest([`property ${name} should not exist`]));
    },
  );

  it('lists a special field with the other invalid fields, as class-validator lists unknown ones', async () => {
    const response = await postRaw(`{"email":"x","firstName":"Anna","password":"short","__proto__":{}}`).expect(400);
    expect(response.body).toEqual(
      badRequest([
        'property __proto__ should not exist',
        'email must be an email address like name@example.com',
        'password must be at least 12 characters long',
      ]),
    );
  });

  it.each([
    ['only zero-width spaces', '\u200B\u200B\u200B'],
    ['only a Hangul filler', '\u3164'],
    ['a right-to-left override', '\u202Eevil\u202C'],
    ['a left-to-right isolate', 'Anna\u2066x\u2069'],
  ])('refuses a firstName of %s', async (_case, firstName) => {
    const response = await post({ ...valid, firstName }).expect(400);
    expect(response.body).toEqual(
      badRequest(['firstName must contain a letter and no control, invisible or text-direction characters']),
    );
  });

  it.each([
    ['Cyrillic', 'Мария', 'Иванова'],
    ['CJK', '李', '小龍'],
    ['combining marks', 'Jose\u0301', 'Nguyê\u0303n'],
    ['apostrophes and hyphens', "D'Arcy-Anne", 'O\u2019Brien'],
    ['a zero-width non-joiner', 'نیک\u200Cنام', 'Ahmadi'],
  ])('registers a name in %s and sends it the email', async (_case, firstName, lastName) => {
    const email = `${Buffer.from(firstName).toString('hex').slice(0, 16)}@solidlab.test`;
    await post({ ...valid, email, firstName, lastName }).expect(201);
    const sent = await smtp.waitFor({ to: email });
    expect(sent.text.split('\n')[0]).toBe(`${firstName}, welcome to SolidPoint`);
  });

  it.each(['x@127.0.0.1', 'x@[127.0.0.1]', 'x@example.c', 'x@example.123'])('refuses the address %s', async (email) => {
    const response = await post({ ...valid, email }).expect(400);
    expect(response.body).toEqual(badRequest(['email must be an email address like name@example.com']));
  });

  it('registers an internationalised domain written in punycode', async () => {
    await post({ ...valid, email: 'ivan@xn--80akhbyknj4f.xn--p1ai' }).expect(201);
    await smtp.waitFor({ to: 'ivan@xn--80akhbyknj4f.xn--p1ai' });
  });
});

describe('slow and oversized requests on a listening server', () => {
  let testApp: TestApp;
  let port: number;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    testApp = await createTestApp();
    await testApp.app.listen(0, '127.0.0.1');
    port = (testApp.app.getHttpServer().address() as { port: number }).port;
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.destroy());
    await testApp.close();
  });

  /** Sends `head` (and no more) on a new connection; resolves with all the server sent until it closed. */
  function sendAndReadUntilClosed(head: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(head));
      sockets.push(socket);
      let received = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => (received += chunk));
      socket.on('error', reject);
      socket.on('close', () => resolve(received));
    });
  }

  const registrationHead = (contentLength: number) =>
    `POST /users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${contentLength}\r\n\r\n`;

  it.each([20_000, 1_000_000_000])(
    'answers a declared Content-Length of %i with 413 and closes, without waiting for the body',
    async (contentLength) => {
      const received = await sendAndReadUntilClosed(`${registrationHead(contentLength)}{"email":"a@b.ru"}`);
      expect(received).toMatch(/^HTTP\/1\.1 413 Payload Too Large\r\n/);
      expect(received).toMatch(/\r\nConnection: close\r\n/i);
      expect(received).toContain('"message":"The request body must be at most 16 kB"');
    },
  );

  // The suite's time-out (60 s) is what fails these with Node's defaults (60 s and 300 s). They
  // run side by side: each waits for the server's time-out.
  it.concurrent('answers a body that stalls with 408 and closes the connection', async () => {
    const received = await sendAndReadUntilClosed(`${registrationHead(100)}{"email"`);
    expect(received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  });

  it.concurrent('answers headers that stall with 408 and closes the connection', async () => {
    const received = await sendAndReadUntilClosed('POST /users HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    expect(received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  });
});

describe.each(AVAILABLE_DATABASES)('a database error during registration (%s)', (kind) => {
  const MARKER = 'MARKER-7d2f9c';
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp(await createTestDatabase(kind), new InMemorySmtpClient(FROM));
    // A constraint that only this test's insert breaks, so the insert fails with its values in hand.
    await testApp.app
      .get<Database>(DATABASE)
      .execute(
        sql.raw(`ALTER TABLE users ADD CONSTRAINT users_marker_check CHECK (position('${MARKER}' in first_name) = 0)`),
      );
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('answers 500 and logs the SQL state and constraint, never the values nor a stack', async () => {
    const password = `${VALID_PASSWORD} ${MARKER}`;
    const response = await request(testApp.app.getHttpServer())
      .post('/users')
      .send({ email: 'marker@solidlab.test', firstName: `Anna ${MARKER}`, password })
      .expect(500);
    expect(response.body).toEqual({ statusCode: 500, message: 'Internal server error' });
    const failure = await testApp.logs.waitFor('server.api.http', (line) => line.msg === 'Request failed');
    expect(failure).toMatchObject({
      level: 'error',
      error: 'database error 23514 check_violation (table users, constraint users_marker_check)',
    });
    expectNoInternals(testApp.logs.text.join(''), MARKER);
    expect(testApp.logs.text.join('')).not.toMatch(/scrypt\$\d/);
    const access = testApp.logs.of('server.api.http').find((line) => line.msg !== 'Request failed');
    expect(access).toMatchObject({ level: 'error', res: { statusCode: 500 } });
  });
});
