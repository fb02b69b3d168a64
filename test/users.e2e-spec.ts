import request from 'supertest';
import { VALID_PASSWORD } from './support/registration';
import { createTestApp, type TestApp } from './support/test-app';

describe('POST /users', () => {
  let testApp: TestApp;
  const post = (body: unknown) =>
    request(testApp.app.getHttpServer())
      .post('/users')
      .send(body as object);
  const valid = { email: 'anna@solidlab.test', firstName: 'Anna', password: VALID_PASSWORD };

  beforeAll(async () => {
    testApp = await createTestApp({ LOG_LEVEL: 'trace' });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('answers 201 with the user; lastName is null when not given', async () => {
    const response = await post(valid).expect(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: 'anna@solidlab.test',
      firstName: 'Anna',
      lastName: null,
      status: 'pending',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it.each([
    ['email', { email: 'not-an-email' }, 'email must be an email address like name@example.com'],
    [
      'email',
      { email: 'a@b.test\r\nBcc: victim@solidlab.test' },
      'email must be an email address like name@example.com',
    ],
    ['email', { email: 'Anna <anna2@solidlab.test>' }, 'email must be an email address like name@example.com'],
    ['firstName', { firstName: undefined }, 'firstName must be a string'],
    ['firstName', { firstName: '' }, 'firstName must be longer than or equal to 1 characters'],
    ['firstName', { firstName: 'x'.repeat(101) }, 'firstName must be shorter than or equal to 100 characters'],
    [
      'firstName',
      { firstName: 'Ivan\r\nBcc: victim@solidlab.test' },
      'firstName must contain a letter and no control, invisible or text-direction characters',
    ],
    [
      'firstName',
      { firstName: '   ' },
      'firstName must contain a letter and no control, invisible or text-direction characters',
    ],
    [
      'lastName',
      { lastName: 'Ivanov\u0000' },
      'lastName must contain a letter and no control, invisible or text-direction characters',
    ],
    ['password', { password: 'short' }, 'password must be at least 12 characters long'],
    ['password', { password: 12345678901234 }, 'password must be a string'],
    ['isAdmin', { isAdmin: true }, 'property isAdmin should not exist'],
  ])('answers 400 naming %s for %j', async (_field, override, message) => {
    const response = await post({ ...valid, email: 'bad.input@solidlab.test', ...override }).expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: [message] });
  });

  it('answers 400 with one message per invalid field', async () => {
    const response = await post({ email: 'nope', firstName: '', password: 'short' }).expect(400);
    expect(response.body.message).toHaveLength(3);
  });

  it('gives exactly one 201 to concurrent registrations of the same email, 409 to the rest', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        post({ ...valid, email: i % 2 ? 'RACE@solidlab.test' : 'race@solidlab.test' }),
      ),
    ).then((responses) => responses.map((response) => response.status).sort());
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
  });

  it('logs neither the password nor its hash, even at trace', async () => {
    await post({ ...valid, email: 'secret.keeper@solidlab.test' }).expect(201);
    const output = testApp.logs.text.join('');
    expect(output).not.toContain(VALID_PASSWORD);
    expect(output).not.toContain('scrypt$');
  });

  it('logs each request as method, URL and status only', async () => {
    await post({ ...valid, email: 'access.log@solidlab.test' })
      .set('Authorization', 'Bearer top-secret')
      .expect(201);
    const access = testApp.logs.of('server.api.http').at(-1);
    expect(access).toMatchObject({
      msg: 'request completed',
      req: { method: 'POST', url: '/users' },
      res: { statusCode: 201 },
    });
    expect(testApp.logs.text.join('')).not.toContain('top-secret');
  });
});
