import { SmtpTestServer } from './support/smtp-test-server';
import { createTestApp, type TestApp } from './support/test-app';
import { SMTP_LOGGER_NAME } from '@solidpoint/nestjs-smtp';

const SMTP_PASSWORD = 'smtp-secret-P4ssw0rd!';

describe('SMTP with credentials over plain SMTP (port 25 or SMTP_TLS=none)', () => {
  let server: SmtpTestServer;
  let testApp: TestApp;

  beforeAll(async () => {
    server = await SmtpTestServer.start({ auth: { user: 'noreply@solidpoint.test', pass: SMTP_PASSWORD } });
    testApp = await createTestApp({
      SMTP_ADDRESS: server.address,
      SMTP_USERNAME: 'noreply@solidpoint.test',
      SMTP_PASSWORD,
      SMTP_TLS: 'none',
    });
  });

  afterAll(async () => {
    await testApp.close();
    await server.close();
  });

  it('warns once at startup that the credentials cross the network unencrypted', () => {
    const warnings = testApp.logs.of(SMTP_LOGGER_NAME).filter((line) => line.level === 'warn');
    expect(warnings).toEqual([
      expect.objectContaining({
        msg: expect.stringContaining('SMTP credentials will cross the network unencrypted'),
        host: '127.0.0.1',
        port: server.port,
      }),
    ]);
    expect(testApp.logs.text.join('')).not.toContain(SMTP_PASSWORD);
  });
});
