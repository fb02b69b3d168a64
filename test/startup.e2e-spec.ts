import request from 'supertest';
import { AppProcess } from './support/app-process';
import { register } from './support/registration';
import { SmtpTestServer } from './support/smtp-test-server';
import { SMTP_LOGGER_NAME } from '@solidpoint/nestjs-smtp';

const SMTP_PASSWORD = 'smtp-secret-P4ssw0rd!';

describe('the built app refusing a half-done configuration', () => {
  it.each([
    [{ SMTP_USERNAME: 'noreply@solidpoint.test', SMTP_PASSWORD }, 'SMTP_ADDRESS is not set'],
    [{ SMTP_ADDRESS: 'smtp.solidpoint.test', SMTP_FROM: 'noreply@solidpoint.test' }, 'SMTP_ADDRESS has no port'],
    [
      { SMTP_ADDRESS: 'smtp.solidpoint.test:smtp', SMTP_FROM: 'noreply@solidpoint.test' },
      'SMTP_ADDRESS port must be a number',
    ],
    [
      { SMTP_ADDRESS: 'smtp.solidpoint.test:587', SMTP_USERNAME: 'noreply@solidpoint.test' },
      'SMTP_USERNAME is set but SMTP_PASSWORD is not',
    ],
    [
      { SMTP_ADDRESS: 'smtp.solidpoint.test:587', SMTP_USERNAME: 'apikey', SMTP_PASSWORD },
      'SMTP_USERNAME is not an email address, so SMTP_FROM must be set',
    ],
    [
      { SMTP_ADDRESS: 'smtp.solidpoint.test:587', SMTP_FROM: 'noreply@solidpoint.test', SMTP_TLS: 'yes' },
      'SMTP_TLS must be one of none, starttls, tls; got "yes"',
    ],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal; got "verbose"'],
    [{ PORT: 'http' }, 'PORT must be a port number from 1 to 65535; got "http"'],
    [{ REGISTRATION_IP_LIMIT: '0' }, 'REGISTRATION_IP_LIMIT must be a whole number of at least 1; got "0"'],
    [{ REGISTRATION_IP_WINDOW: '1m' }, 'REGISTRATION_IP_WINDOW must be a whole number of at least 1; got "1m"'],
    [{ REGISTRATION_EMAIL_WINDOW: '1h' }, 'REGISTRATION_EMAIL_WINDOW must be a whole number of at least 1; got "1h"'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY=true would believe an X-Forwarded-For that any client can forge'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, '"10.0.0.0/33" is none of these'],
  ])('exits with code 1 and one line on stderr for %j', async (env, problem) => {
    const app = await AppProcess.runToExit(env);
    expect(app.status).toEqual({ code: 1, signal: null });
    const lines = app.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: /);
    expect(lines[0]).toContain(problem);
    expect(app.stdout).toBe('');
    expect(app.stderr).not.toContain(SMTP_PASSWORD);
  });
});

describe('the built app without SMTP variables', () => {
  let app: AppProcess;
  let server: SmtpTestServer;

  beforeAll(async () => {
    server = await SmtpTestServer.start();
    app = await AppProcess.start({ LOG_LEVEL: 'debug' });
  });

  afterAll(async () => {
    await app.stop();
    await server.close();
  });

  it('registers users and prints no line from server.api.smtpClient, even at debug', async () => {
    await register(app.url, 'no.smtp@solidlab.test').expect(201);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.logsOf(SMTP_LOGGER_NAME)).toEqual([]);
    expect(app.stdout).not.toContain(SMTP_LOGGER_NAME);
    expect(server.received).toHaveLength(0);
  });
});

describe('LOG_FORMAT=console', () => {
  it("prints the operator doc's tab-separated layout", async () => {
    const server = await SmtpTestServer.start();
    const app = await AppProcess.start({
      SMTP_ADDRESS: server.address,
      SMTP_FROM: 'noreply@solidpoint.test',
      SMTP_TLS: 'none',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'console',
    });
    try {
      await register(app.url, 'console.format@solidlab.test').expect(201);
      await server.waitForMessages(1);
      const line = app.stdout.split('\n').find((candidate) => candidate.includes('\tNew email\t'));
      expect(line).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d\tDEBUG\tserver\.api\.smtpClient\tNew email\t\{"From": "noreply@solidpoint\.test", "To": \["console\.format@solidlab\.test"\], "Message": "From: noreply@solidpoint\.test\\r\\n.*\\r\\n"\}$/,
      );
    } finally {
      await app.stop();
      await server.close();
    }
  });
});

describe('shutdown', () => {
  it('waits on SIGTERM for an email still in flight, then exits', async () => {
    const server = await SmtpTestServer.start({ dataDelayMs: 1_500 });
    const app = await AppProcess.start({
      SMTP_ADDRESS: server.address,
      SMTP_FROM: 'noreply@solidpoint.test',
      SMTP_TLS: 'none',
    });
    try {
      await register(app.url, 'in.flight@solidlab.test').expect(201);
      await server.waitForDataStarted();
      await request(app.url).get('/health/ready').expect(200);
      const stopped = app.stop('SIGTERM');
      // While it drains (the server holds the DATA 1.5 s), it still answers, but not as ready.
      let probe = await request(app.url).get('/health/ready');
      for (let tries = 0; probe.status === 200 && tries < 20; tries += 1)
        probe = await request(app.url).get('/health/ready');
      expect(probe.status).toBe(503);
      expect(probe.body).toMatchObject({ status: 'shutting_down' });
      const status = await stopped;
      expect(status.signal === 'SIGTERM' || status.code === 0).toBe(true);
      expect(server.received).toMatchObject([{ to: ['in.flight@solidlab.test'], acknowledged: true }]);
      expect(app.logsOf(SMTP_LOGGER_NAME).filter((line) => line.level === 'error')).toEqual([]);
    } finally {
      await app.stop();
      await server.close();
    }
  });
});
