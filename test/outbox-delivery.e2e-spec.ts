import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { START_NODE_FLAGS } from '../src/server/node-flags';
import { AppProcess } from './support/app-process';
import { freePort } from './support/free-port';
import { register } from './support/registration';
import { SmtpTestServer } from './support/smtp-test-server';
import { AVAILABLE_DATABASES, createTestDatabase } from './support/test-database';
import { SMTP_LOGGER_NAME } from '@solidpoint/nestjs-smtp';

const SENDER = 'noreply@solidpoint.test';

/** A plain-SMTP relay at `address`, retrying after 1 s: the outbox's behaviour, quickly. */
function smtpEnv(address: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SMTP_ADDRESS: address,
    SMTP_FROM: SENDER,
    SMTP_TLS: 'none',
    SMTP_RETRY_DELAY: '1',
    LOG_LEVEL: 'debug',
    ...extra,
  };
}

const failures = (app: AppProcess) =>
  app.logsOf(SMTP_LOGGER_NAME).filter((line) => line.msg === 'Failed to send email');
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the outbox delivering registration emails', () => {
  const apps: AppProcess[] = [];
  const servers: SmtpTestServer[] = [];
  const startApp = async (env: Record<string, string>) => {
    const app = await AppProcess.start(env);
    apps.push(app);
    return app;
  };
  const startServer = async (options: Parameters<typeof SmtpTestServer.start>[0] = {}) => {
    const server = await SmtpTestServer.start(options);
    servers.push(server);
    return server;
  };

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.stop()));
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  it('delivers once when the SMTP server is down at registration and comes up 3 s later', async () => {
    const port = await freePort();
    const app = await startApp(smtpEnv(`127.0.0.1:${port}`));
    await register(app.url, 'late.server@solidlab.test').expect(201);
    const firstFailure = await app.waitFor((line) => line.msg === 'Failed to send email');
    expect(firstFailure).toMatchObject({
      level: 'error',
      error: `connect ECONNREFUSED 127.0.0.1:${port}`,
      attempt: 1,
      nextAttemptAt: expect.any(String),
    });
    await settle(3_000);
    const server = await startServer({ port });
    await server.waitForMessages(1, 20_000);
    await settle(1_500);
    expect(server.received.map((mail) => mail.to)).toEqual([['late.server@solidlab.test']]);
  });

  it('retries after a 451 reply, logs both attempts, and delivers once', async () => {
    const server = await startServer({ dataReplies: [451] });
    const app = await startApp(smtpEnv(server.address));
    await register(app.url, 'greylisted@solidlab.test').expect(201);
    await server.waitForMessages(1, 15_000);
    await settle(1_000);
    expect(server.dataAttempts).toBe(2);
    expect(server.received).toHaveLength(1);
    expect(failures(app)).toEqual([
      expect.objectContaining({ error: '451 4.7.1 Try again later', attempt: 1, nextAttemptAt: expect.any(String) }),
    ]);
    const attempts = app.logsOf(SMTP_LOGGER_NAME).filter((line) => line.msg === 'New email');
    expect(attempts).toHaveLength(2);
    // The same Message-ID both times: a repeat is recognisable as the same email.
    const messageIds = attempts.map((line) => /Message-ID: (<[^>]+>)/.exec(line.Message as string)?.[1]);
    expect(messageIds[0]).toBeDefined();
    expect(messageIds[1]).toBe(messageIds[0]);
  });

  it('gives up at once on a 550 reply, and the CLI lists it and queues it again', async () => {
    const database = await createTestDatabase();
    const refusing = await startServer({ unknownRecipients: ['ghost@solidlab.test'] });
    const app = await startApp({ ...smtpEnv(refusing.address), ...database });
    await register(app.url, 'ghost@solidlab.test').expect(201);
    await app.waitFor((line) => line.msg === 'Failed to send email');
    await settle(2_500);
    expect(failures(app)).toEqual([
      expect.objectContaining({ error: '550 5.1.1 Mailbox does not exist', attempt: 1, gaveUp: true }),
    ]);
    await app.stop();

    const listed = await AppProcess.runOutboxCli(database, ['list', 'failed']);
    expect(listed.code).toBe(0);
    const [line] = listed.stdout.split('\n');
    expect(line).toMatch(
      /^[0-9a-f-]{36} {2}failed +attempts 1 .*to ghost@solidlab\.test .*last error: 550 5\.1\.1 Mailbox does not exist$/,
    );
    const retried = await AppProcess.runOutboxCli(database, ['retry', line.slice(0, 36)]);
    expect(retried).toMatchObject({ code: 0, stdout: `Queued ${line.slice(0, 36)} again\n` });

    const accepting = await startServer();
    await startApp({ ...smtpEnv(accepting.address), ...database });
    await accepting.waitForMessages(1, 10_000);
    expect(accepting.received[0].to).toEqual(['ghost@solidlab.test']);
  });

  it('sends one email for concurrent registrations of the same address', async () => {
    const server = await startServer();
    const app = await startApp(smtpEnv(server.address));
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () => register(app.url, 'twice@solidlab.test').then((response) => response.status)),
    );
    expect(statuses.sort()).toEqual([201, 409, 409, 409, 409, 409]);
    await server.waitForMessages(1);
    await settle(1_000);
    expect(server.received).toHaveLength(1);
  });

  it('queues nothing and logs nothing from the SMTP client when SMTP is off', async () => {
    const database = await createTestDatabase();
    const app = await startApp({ LOG_LEVEL: 'debug', ...database });
    await register(app.url, 'no.smtp.outbox@solidlab.test').expect(201);
    await app.stop();
    const listed = await AppProcess.runOutboxCli(database, ['list']);
    expect(listed.stdout).toBe('0 email(s)\n');
    expect(app.stdout).not.toContain(SMTP_LOGGER_NAME);
  });

  describe.each(AVAILABLE_DATABASES)('on the %s database', (kind) => {
    it('delivers after a SIGKILL mid-send, once the restarted app reclaims the abandoned email', async () => {
      const database = await createTestDatabase(kind);
      const slow = await startServer({ dataDelayMs: 30_000 });
      const first = await startApp({ ...smtpEnv(slow.address), ...database, OUTBOX_LEASE_SECONDS: '2' });
      await register(first.url, 'killed.mid.send@solidlab.test').expect(201);
      await slow.waitForDataStarted();
      expect(await first.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });

      const server = await startServer();
      const second = await startApp({ ...smtpEnv(server.address), ...database, OUTBOX_LEASE_SECONDS: '2' });
      await server.waitForMessages(1, 15_000);
      expect(server.received[0]).toMatchObject({ to: ['killed.mid.send@solidlab.test'], acknowledged: true });
      expect(second.stderr).toBe('');
    });

    it('keeps users across a restart: registering again answers 409', async () => {
      const database = await createTestDatabase(kind);
      const first = await startApp(database);
      await register(first.url, 'persistent@solidlab.test').expect(201);
      await first.stop();
      const second = await startApp(database);
      await register(second.url, 'PERSISTENT@solidlab.test').expect(409);
    });
  });
});

describe('the embedded database', () => {
  it('starts on an empty DATA_DIR from the prepared initial data, without initdb', async () => {
    // As `npm start` starts it: bare, Node 24 and later add a warning (embedded-database.e2e-spec).
    const app = await AppProcess.start(
      { DATA_DIR: mkdtempSync(join(tmpdir(), 'empty-data-dir-')) },
      { nodeFlags: START_NODE_FLAGS },
    );
    try {
      expect(app.logsOf('server.db').map((line) => line.msg)).toEqual([
        'Creating the embedded database from the prepared initial data',
        'Database ready (embedded)',
      ]);
      await register(app.url, 'first.start@solidlab.test').expect(201);
    } finally {
      await app.stop();
    }
  });

  it('refuses a second process on the same DATA_DIR, naming DATABASE_URL as the way to scale', async () => {
    const database = await createTestDatabase('embedded');
    const first = await AppProcess.start(database);
    try {
      const second = await AppProcess.runToExit(database);
      expect(second.status.code).toBe(1);
      expect(second.stderr).toMatch(/^DATA_DIR .* is in use by another process \(pid \d+ on .*\)\. .*DATABASE_URL\n$/);
    } finally {
      await first.stop();
    }
  });
});
