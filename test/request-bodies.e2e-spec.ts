import request from 'supertest';
import { AppProcess } from './support/app-process';
import { expectNoInternals } from './support/no-internals';
import { VALID_PASSWORD } from './support/registration';
import { createTestApp, type TestApp } from './support/test-app';

describe('request bodies', () => {
  let testApp: TestApp;
  const post = () => request(testApp.app.getHttpServer()).post('/users');
  const registration = { email: 'body@solidlab.test', firstName: 'Anna', password: VALID_PASSWORD };
  /** The access log line of the latest request. */
  const lastAccessLine = () => testApp.logs.of('server.api.http').at(-1);

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  /** Nothing in the reply or the log that a client should not see: no stack, no file path, no body echo. */
  const expectNothingInternal = (body: unknown, sent: string) =>
    expectNoInternals(JSON.stringify(body) + testApp.logs.text.join(''), sent);

  it('answers malformed JSON with 400 and a plain message, and logs the request', async () => {
    const sent = `{"email":"body@solidlab.test","password":"${VALID_PASSWORD}"`;
    const response = await post().set('Content-Type', 'application/json').send(sent).expect(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request body is not a valid JSON object',
    });
    expectNothingInternal(response.body, VALID_PASSWORD);
    expect(lastAccessLine()).toMatchObject({ req: { method: 'POST', url: '/users' }, res: { statusCode: 400 } });
  });

  it('answers a body over 16 kB with 413, and logs the request', async () => {
    const response = await post()
      .send({ ...registration, firstName: 'x'.repeat(16 * 1024) })
      .expect(413);
    expect(response.body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'The request body must be at most 16 kB',
    });
    expectNothingInternal(response.body, 'x'.repeat(100));
    expect(lastAccessLine()).toMatchObject({ res: { statusCode: 413 } });
    expect(testApp.logs.lines().filter((line) => line.level === 'error')).toEqual([]);
  });

  it('reads a body of the largest valid registration', async () => {
    // Every character escaped, as some clients send non-ASCII text: about 8 kB.
    const escape = (text: string) =>
      text.replace(/./g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const sent = `{"email":"largest@solidlab.test","firstName":"${escape('Я'.repeat(100))}","lastName":"${escape('Ж'.repeat(100))}","password":"${escape('П'.repeat(1024))}"}`;
    await post().set('Content-Type', 'application/json').send(sent).expect(201);
  });

  it.each([
    ['text/plain', JSON.stringify({ ...registration, email: 'plain@solidlab.test' }), 'plain@solidlab.test'],
    [
      'application/x-www-form-urlencoded',
      `email=form%40solidlab.test&firstName=Anna&password=${encodeURIComponent(VALID_PASSWORD)}`,
      'form@solidlab.test',
    ],
  ])('answers a body of type %s with 415, registering nobody', async (contentType, sent, email) => {
    const response = await post().set('Content-Type', contentType).send(sent).expect(415);
    expect(response.body).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: 'The request body must be JSON, sent with Content-Type: application/json',
    });
    expect(lastAccessLine()).toMatchObject({ res: { statusCode: 415 } });
    await post()
      .send({ ...registration, email })
      .expect(201);
  });

  it('answers a compressed body with 415', async () => {
    const response = await post()
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('not really gzip')
      .expect(415);
    expect(response.body.message).toBe('The request body must be uncompressed JSON in UTF-8');
  });

  it('reads JSON with a charset parameter', async () => {
    await post()
      .set('Content-Type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ ...registration, email: 'charset@solidlab.test' }))
      .expect(201);
  });

  it('answers a request without a body with the fields it lacks', async () => {
    const response = await post().expect(400);
    expect(response.body.message).toContain('email must be an email address like name@example.com');
  });
});

describe('request bodies in the built app (node dist/main.js)', () => {
  it('answers malformed JSON with 400 and logs it as a request', async () => {
    const app = await AppProcess.start({});
    try {
      const response = await request(app.url)
        .post('/users')
        .set('Content-Type', 'application/json')
        .send('{')
        .expect(400);
      expect(response.body.message).toBe('The request body is not a valid JSON object');
      await app.waitFor(
        (line) =>
          line.logger === 'server.api.http' && (line.res as { statusCode?: number } | undefined)?.statusCode === 400,
      );
      expect(app.stdout).not.toMatch(/\n\s+at /);
    } finally {
      await app.stop();
    }
  });
});
