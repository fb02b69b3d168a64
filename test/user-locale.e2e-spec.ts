import request from 'supertest';
import { InMemorySmtpClient } from '@solidpoint/nestjs-smtp/testing';
import { VALID_PASSWORD } from './support/registration';
import { createTestApp, type TestApp } from './support/test-app';

const ENGLISH_SUBJECT = 'Registration for SolidPoint';
const RUSSIAN_SUBJECT = 'Регистрация в SolidPoint';

describe('the language of a registration email', () => {
  const smtp = new InMemorySmtpClient('SolidPoint <noreply@solidpoint.test>');
  let testApp: TestApp;
  let registrations = 0;

  /** Registers a new address with `fields` and `headers`; resolves with the response and its email's subject. */
  const registerWith = async (fields: Record<string, unknown>, headers: Record<string, string> = {}) => {
    registrations += 1;
    const email = `locale.${registrations}@solidlab.test`;
    const response = await request(testApp.app.getHttpServer())
      .post('/users')
      .set(headers)
      .send({ email, firstName: 'Иван', password: VALID_PASSWORD, ...fields });
    const subject = response.status === 201 ? (await smtp.waitFor({ to: email })).subject : undefined;
    return { response, subject };
  };

  beforeAll(async () => {
    testApp = await createTestApp({}, smtp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  it.each([
    ['no Accept-Language', ENGLISH_SUBJECT, {}],
    ['Accept-Language: ru-RU,ru;q=0.9', RUSSIAN_SUBJECT, { 'Accept-Language': 'ru-RU,ru;q=0.9' }],
    ['Accept-Language: ru-RU', RUSSIAN_SUBJECT, { 'Accept-Language': 'ru-RU' }],
    ['Accept-Language: en;q=0.4, ru;q=0.8', RUSSIAN_SUBJECT, { 'Accept-Language': 'en;q=0.4, ru;q=0.8' }],
    ['Accept-Language: ru;q=0.4, en-GB', ENGLISH_SUBJECT, { 'Accept-Language': 'ru;q=0.4, en-GB' }],
    ['Accept-Language: *', ENGLISH_SUBJECT, { 'Accept-Language': '*' }],
    ['Accept-Language: de-DE, fr', ENGLISH_SUBJECT, { 'Accept-Language': 'de-DE, fr' }],
    ['Accept-Language: de, ru;q=0.1', RUSSIAN_SUBJECT, { 'Accept-Language': 'de, ru;q=0.1' }],
  ])('without a locale, with %s, is %j', async (_case, subject, headers) => {
    expect(await registerWith({}, headers)).toMatchObject({ response: { status: 201 }, subject });
  });

  it.each([
    ['ru', RUSSIAN_SUBJECT, { 'Accept-Language': 'en' }],
    ['en', ENGLISH_SUBJECT, { 'Accept-Language': 'ru-RU,ru;q=0.9' }],
  ])('with locale %j in the body, whatever Accept-Language says, is %j', async (locale, subject, headers) => {
    expect(await registerWith({ locale }, headers)).toMatchObject({ response: { status: 201 }, subject });
  });

  it('takes a null locale as none given, as it does a null lastName', async () => {
    expect(await registerWith({ locale: null }, { 'Accept-Language': 'ru' })).toMatchObject({
      subject: RUSSIAN_SUBJECT,
    });
  });

  it('answers 201 with the user as before: the locale is not part of the response', async () => {
    const { response } = await registerWith({ locale: 'ru' });
    expect(Object.keys(response.body).sort()).toEqual(['createdAt', 'email', 'firstName', 'id', 'lastName', 'status']);
  });

  it.each(['RU', 'de', 'ru-RU', '', 7])(
    'answers 400 naming the field for locale %j, and sends nothing',
    async (locale) => {
      const sentBefore = smtp.sent.length;
      const { response } = await registerWith({ locale });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: ['locale must be one of en, ru'],
      });
      expect(smtp.sent).toHaveLength(sentBefore);
    },
  );
});
