import { AppProcess, type LogLine } from './support/app-process';
import { freePort } from './support/free-port';
import { register } from './support/registration';
import { SmtpTestServer } from './support/smtp-test-server';
import { generateTestCertificates, type TestCertificates } from './support/test-certificates';
import { SMTP_LOGGER_NAME } from '@solidpoint/nestjs-smtp';

const SMTP_USER = 'noreply@solidpoint.test';
const SMTP_PASSWORD = 'smtp-secret-P4ssw0rd!';

let certificates: TestCertificates;
beforeAll(async () => {
  certificates = await generateTestCertificates();
});

/** Starts the app against `address`, registers one user and returns the "Failed to send email" line. */
async function registerAndExpectFailure(app: AppProcess): Promise<LogLine> {
  await register(app.url, 'petrov.petr@solidlab.test').expect(201);
  return app.waitFor((line) => line.msg === 'Failed to send email', 20_000);
}

function appEnv(address: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SMTP_ADDRESS: address,
    SMTP_USERNAME: SMTP_USER,
    SMTP_PASSWORD,
    SMTP_TLS: 'starttls',
    LOG_LEVEL: 'debug',
    NODE_EXTRA_CA_CERTS: certificates.caFile,
    ...extra,
  };
}

describe('SMTP failures, as the built app logs them', () => {
  let app: AppProcess | undefined;
  let server: SmtpTestServer | undefined;

  afterEach(async () => {
    await app?.stop();
    await server?.close();
    app = undefined;
    server = undefined;
  });

  it('logs "Failed to send email" with the 535 reply when the password is wrong, and still answers 201', async () => {
    server = await SmtpTestServer.start({ certificates, auth: { user: SMTP_USER, pass: 'the-real-password' } });
    app = await AppProcess.start(appEnv(server.address));
    const failure = await registerAndExpectFailure(app);
    expect(failure).toMatchObject({
      level: 'error',
      logger: SMTP_LOGGER_NAME,
      error: '535 5.7.8 Error: authentication failed: Invalid user or password!',
    });
    expect(server.received).toHaveLength(0);
    expect(app.stdout + app.stderr).not.toContain(SMTP_PASSWORD);
  });

  it('warns at startup, with the same reply, when the connection check is refused', async () => {
    server = await SmtpTestServer.start({ certificates, auth: { user: SMTP_USER, pass: 'the-real-password' } });
    app = await AppProcess.start(appEnv(server.address));
    const warning = await app.waitFor((line) => line.msg.startsWith('SMTP connection check failed'));
    expect(warning).toMatchObject({
      level: 'warn',
      logger: SMTP_LOGGER_NAME,
      error: '535 5.7.8 Error: authentication failed: Invalid user or password!',
    });
  });

  it('names the failed DNS lookup when the host does not exist', async () => {
    app = await AppProcess.start(appEnv('smtp.nonexistent.invalid:587'));
    const failure = await registerAndExpectFailure(app);
    expect(failure.level).toBe('error');
    expect(failure.error).toMatch(
      /ENOTFOUND smtp\.nonexistent\.invalid|smtp\.nonexistent\.invalid.*(not known|no such host)/,
    );
  });

  it('names the address when the connection is refused', async () => {
    const closedPort = await freePort();
    app = await AppProcess.start(appEnv(`127.0.0.1:${closedPort}`));
    const failure = await registerAndExpectFailure(app);
    expect(failure.error).toBe(`connect ECONNREFUSED 127.0.0.1:${closedPort}`);
  });

  it('fails, sending nothing in clear, when a STARTTLS server does not offer STARTTLS', async () => {
    server = await SmtpTestServer.start({ auth: { user: SMTP_USER, pass: SMTP_PASSWORD } });
    app = await AppProcess.start(appEnv(server.address));
    const failure = await registerAndExpectFailure(app);
    expect(failure.error).toContain('STARTTLS');
    expect(failure.error).toContain(server.address);
    expect(server.authAttempts).toHaveLength(0);
    expect(server.received).toHaveLength(0);
  });

  it('refuses a certificate from a CA that NODE_EXTRA_CA_CERTS does not add', async () => {
    server = await SmtpTestServer.start({ certificates, auth: { user: SMTP_USER, pass: SMTP_PASSWORD } });
    const { NODE_EXTRA_CA_CERTS: _untrusted, ...withoutCa } = appEnv(server.address);
    app = await AppProcess.start(withoutCa);
    const failure = await registerAndExpectFailure(app);
    expect(failure.error).toMatch(/certificate/i);
    expect(server.authAttempts).toHaveLength(0);
    expect(server.received).toHaveLength(0);
  });
});
