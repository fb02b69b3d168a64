import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { LoggerModule } from 'nestjs-pino';
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import request from 'supertest';
import { SmtpClient, SmtpSendError, SMTP_LOGGER_NAME } from '@solidpoint/nestjs-smtp';
import { InMemorySmtpClient, SmtpTestingModule } from '@solidpoint/nestjs-smtp/testing';
import { VALID_PASSWORD } from './support/registration';
import { createTestApp, type TestApp } from './support/test-app';

/** A consumer's service, as a backend engineer would write it against SmtpClient. */
@Injectable()
class PasswordResetMailer {
  constructor(private readonly smtp: SmtpClient) {}

  sendResetLink(to: string, token: string) {
    return this.smtp.send({ to, subject: 'Reset your password', text: `https://solidpoint.test/reset/${token}` });
  }
}

@Module({ providers: [PasswordResetMailer] })
class PasswordResetModule {}

describe('SmtpTestingModule.forRoot in a consumer feature module', () => {
  let smtp: InMemorySmtpClient;
  let mailer: PasswordResetMailer;
  let close: () => Promise<void>;

  beforeAll(async () => {
    __resetOutOfContextForTests();
    const moduleRef = await Test.createTestingModule({
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: 'silent' } }),
        SmtpTestingModule.forRoot({ from: 'SolidPoint <noreply@solidpoint.test>' }),
        PasswordResetModule,
      ],
    }).compile();
    await moduleRef.init();
    smtp = moduleRef.get(InMemorySmtpClient);
    mailer = moduleRef.get(PasswordResetMailer);
    close = () => moduleRef.close();
  });

  afterEach(() => smtp.clear());
  afterAll(() => close());

  it('captures the message as data and as the bytes the wire would carry', async () => {
    const result = await mailer.sendResetLink('ivan@solidlab.test', 'abc123');
    const email = smtp.expectSent({ to: 'IVAN@solidlab.test', subject: 'Reset your password' });
    expect(email).toMatchObject({
      from: 'SolidPoint <noreply@solidpoint.test>',
      envelope: { from: 'noreply@solidpoint.test', to: ['ivan@solidlab.test'] },
      text: 'https://solidpoint.test/reset/abc123',
      messageId: result.messageId,
    });
    expect(email.raw).toContain('From: SolidPoint <noreply@solidpoint.test>\r\nTo: ivan@solidlab.test\r\n');
    expect(result).toMatchObject({ sent: true, accepted: ['ivan@solidlab.test'], rejected: [] });
  });

  it('forgets everything on clear()', async () => {
    await mailer.sendResetLink('ivan@solidlab.test', 'one');
    smtp.clear();
    expect(smtp.sent).toEqual([]);
  });

  it('says what was sent when an expectation fails', async () => {
    await mailer.sendResetLink('ivan@solidlab.test', 'two');
    expect(() => smtp.expectSent({ to: 'anna@solidlab.test' })).toThrow(
      'Expected 1 email matching {"to":"anna@solidlab.test"}, found 0; sent:\n  to ivan@solidlab.test: "Reset your password"',
    );
  });

  it('refuses a header injection exactly as the real client does', async () => {
    const sent = smtp.send({ to: 'ivan@solidlab.test', subject: 'Hi\r\nBcc: victim@solidlab.test', text: 'x' });
    await expect(sent).rejects.toMatchObject({ message: 'Invalid message: "subject" contains a control character' });
    expect(smtp.sent).toEqual([]);
  });

  it('fails the next send with the error a test gives it', async () => {
    smtp.failNext(new SmtpSendError('451 4.7.1 Try again later', { responseCode: 451, permanent: false }));
    await expect(mailer.sendResetLink('ivan@solidlab.test', 'three')).rejects.toMatchObject({ responseCode: 451 });
    await expect(mailer.sendResetLink('ivan@solidlab.test', 'three')).resolves.toMatchObject({ sent: true });
  });
});

describe('SmtpTestingModule.override on the whole app', () => {
  const smtp = new InMemorySmtpClient('SolidPoint <noreply@solidpoint.test>');
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({}, smtp);
  });

  afterAll(() => testApp.close());

  it('captures the registration email the outbox sends, with nothing on the network', async () => {
    await request(testApp.app.getHttpServer())
      .post('/users')
      .send({ email: 'olga@solidlab.test', firstName: 'Olga', password: VALID_PASSWORD })
      .expect(201);
    const email = await smtp.waitFor({ to: 'olga@solidlab.test' });
    expect(email).toMatchObject({
      from: 'SolidPoint <noreply@solidpoint.test>',
      subject: 'Registration for SolidPoint',
    });
    expect(email.text).toMatch(/^Olga, welcome to SolidPoint\n/);
  });

  it('retries through the outbox when a send fails, as with a real server', async () => {
    smtp.failNext(new SmtpSendError('451 4.7.1 Try again later', { responseCode: 451, permanent: false }));
    await request(testApp.app.getHttpServer())
      .post('/users')
      .send({ email: 'petr@solidlab.test', firstName: 'Petr', password: VALID_PASSWORD })
      .expect(201);
    const failure = await testApp.logs.waitFor(SMTP_LOGGER_NAME, (line) => line.msg === 'Failed to send email');
    expect(failure).toMatchObject({
      error: '451 4.7.1 Try again later',
      attempt: 1,
      nextAttemptAt: expect.any(String),
    });
    expect(smtp.find({ to: 'petr@solidlab.test' })).toEqual([]);
  });
});
