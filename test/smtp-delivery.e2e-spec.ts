import { simpleParser } from 'mailparser';
import { AppProcess } from './support/app-process';
import { register, VALID_PASSWORD } from './support/registration';
import { SmtpTestServer } from './support/smtp-test-server';
import { generateTestCertificates, type TestCertificates } from './support/test-certificates';
import { SMTP_LOGGER_NAME } from '@solidpoint/nestjs-smtp';

const SMTP_USER = 'noreply@solidpoint.test';
const SMTP_PASSWORD = 'smtp-secret-P4ssw0rd!';

describe('the built app sending the registration email over STARTTLS with AUTH', () => {
  let certificates: TestCertificates;
  let server: SmtpTestServer;
  let app: AppProcess;

  beforeAll(async () => {
    certificates = await generateTestCertificates();
    server = await SmtpTestServer.start({ certificates, auth: { user: SMTP_USER, pass: SMTP_PASSWORD } });
    app = await AppProcess.start({
      SMTP_ADDRESS: server.address,
      SMTP_USERNAME: SMTP_USER,
      SMTP_PASSWORD,
      SMTP_TLS: 'starttls',
      LOG_LEVEL: 'debug',
      NODE_EXTRA_CA_CERTS: certificates.caFile,
    });
  });

  afterAll(async () => {
    await app.stop();
    await server.close();
  });

  it('logs at startup that SMTP is enabled, with host, port and mode but not the password', async () => {
    const enabled = await app.waitFor((line) => line.msg === 'SMTP client enabled');
    expect(enabled).toMatchObject({
      level: 'info',
      logger: SMTP_LOGGER_NAME,
      host: '127.0.0.1',
      port: server.port,
      security: 'starttls',
      username: SMTP_USER,
    });
  });

  it('checks the connection at startup and logs that the server accepted the credentials', async () => {
    const verified = await app.waitFor((line) => line.msg.startsWith('SMTP connection check passed'));
    expect(verified).toMatchObject({ level: 'info', logger: SMTP_LOGGER_NAME, authenticated: true });
  });

  it('answers 201 with the pending user, without the password or its hash', async () => {
    const response = await register(app.url, 'ivanov.ivan@solidlab.test', { lastName: 'Ivanov' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      email: 'ivanov.ivan@solidlab.test',
      firstName: 'Ivan',
      lastName: 'Ivanov',
      status: 'pending',
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(response.body)).not.toContain(VALID_PASSWORD);
  });

  it('delivers it encrypted and authenticated, to the user, from the SMTP username', async () => {
    const [mail] = await server.waitForMessages(1);
    expect(mail).toMatchObject({ from: SMTP_USER, to: ['ivanov.ivan@solidlab.test'], secure: true, user: SMTP_USER });
  });

  it('has the headers and body the operator doc shows', async () => {
    const [mail] = await server.waitForMessages(1);
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe('Registration for SolidPoint');
    expect(parsed.from?.text).toBe(SMTP_USER);
    expect(parsed.messageId).toMatch(/^<[^@\s]+@solidpoint\.test>$/);
    expect(parsed.date).toBeInstanceOf(Date);
    expect(parsed.headers.get('mime-version')).toBe('1.0');
    expect(parsed.headers.get('content-transfer-encoding')).toBe('quoted-printable');
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'text/plain', params: { charset: 'utf-8' } });
    expect(parsed.text).toBe(
      'Ivan, welcome to SolidPoint\n\n' +
        'Please wait until your organization\u2019s administrator activates your account.\n\n' +
        'You are receiving this email because your email address was used to register for the SolidPoint dashboard. ' +
        'If this was not you, please ignore this message.\n',
    );
  });

  it('logs "New email" at debug with From, To and exactly the bytes the server received', async () => {
    const [mail] = await server.waitForMessages(1);
    const newEmail = await app.waitFor((line) => line.msg === 'New email');
    expect(newEmail).toMatchObject({
      level: 'debug',
      logger: SMTP_LOGGER_NAME,
      From: SMTP_USER,
      To: ['ivanov.ivan@solidlab.test'],
    });
    expect(Buffer.from(newEmail.Message as string, 'utf8').equals(mail.raw)).toBe(true);
    expect(newEmail.Message).not.toMatch(/[^\r]\n/);
  });

  it('keeps a Cyrillic first name intact', async () => {
    await register(app.url, 'ivan.cyrillic@solidlab.test', { firstName: 'Иван' }).expect(201);
    const mails = await server.waitForMessages(2);
    const parsed = await simpleParser(mails[1].raw);
    expect(parsed.text?.split('\n')[0]).toBe('Иван, welcome to SolidPoint');
  });

  it('answers 409 to the same email in another case, and sends no second email', async () => {
    const response = await register(app.url, 'IVANOV.Ivan@solidlab.test');
    expect(response.status).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.received.filter((mail) => mail.to[0].toLowerCase() === 'ivanov.ivan@solidlab.test')).toHaveLength(1);
  });

  it('prints neither the SMTP password nor the user password anywhere', () => {
    const output = app.stdout + app.stderr;
    expect(output).not.toContain(SMTP_PASSWORD);
    expect(output).not.toContain(Buffer.from(`\0${SMTP_USER}\0${SMTP_PASSWORD}`).toString('base64'));
    expect(output).not.toContain(VALID_PASSWORD);
  });
});
