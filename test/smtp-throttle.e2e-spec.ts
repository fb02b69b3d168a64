import { Client } from 'pg';
import request from 'supertest';
import { SMTP_LOGGER_NAME, type SmtpSendError } from '@solidpoint/nestjs-smtp';
import { OutboxRepository } from '../src/outbox/outbox.repository';
import { AppProcess } from './support/app-process';
import type { LogLine } from './support/app-process';
import { embedSmtpModule } from './support/embedded-smtp-module';
import { register, VALID_PASSWORD } from './support/registration';
import { SmtpTestServer } from './support/smtp-test-server';
import { createTestApp } from './support/test-app';
import { AVAILABLE_DATABASES, createTestDatabase } from './support/test-database';

const SENDER = 'noreply@solidpoint.test';
const PAUSED = 'SMTP server throttles; sending to it is paused';
const RESUMED = 'SMTP sending resumed';
const users = (count: number, prefix = 'user') =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}@solidlab.test`);

/** Every DATA the server saw after its `index`-th one began no earlier than `until`. */
function noAttemptBefore(server: SmtpTestServer, index: number, until: string): void {
  const early = server.dataStartedAt.slice(index + 1).filter((startedAt) => startedAt < Date.parse(until));
  expect(early.map((startedAt) => new Date(startedAt).toISOString())).toEqual([]);
}

describe('SmtpClient when the server throttles (421 4.7.1)', () => {
  it('pauses the whole pool: sends waiting for a connection are not attempted, and one warning says so', async () => {
    // Accepted messages take a second, so the other two connections are still busy when the 421 comes.
    const server = await SmtpTestServer.start({ dataReplies: [421], dataDelayMs: 1_000 });
    const { smtp, logs, close } = await embedSmtpModule({
      enabled: true,
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      from: SENDER,
      poolSize: 3,
      throttleBackoff: { initialMs: 60_000 },
    });
    try {
      const outcomes = await Promise.allSettled(
        users(10).map((to) => smtp.send({ to, subject: 'Invoice', text: 'x' })),
      );
      const lines = logs.of(SMTP_LOGGER_NAME);
      const pauses = lines.filter((line) => line.msg === PAUSED);
      expect(pauses).toEqual([
        expect.objectContaining({
          server: server.address,
          reply: '421 4.7.1 Try again later',
          until: expect.any(String),
        }),
      ]);
      const until = pauses[0].until as string;
      // Only the sends already on a connection when the 421 came reached the server.
      expect(server.dataAttempts).toBeLessThanOrEqual(3);
      const errors = outcomes.flatMap((outcome) =>
        outcome.status === 'rejected' ? [outcome.reason as SmtpSendError] : [],
      );
      const notAttempted = errors.filter((error) => !error.attempted);
      expect(notAttempted).toHaveLength(10 - server.dataAttempts);
      for (const error of errors) expect(error.throttle?.until.toISOString()).toBe(until);
      expect(lines.filter((line) => line.msg === 'Failed to send email')).toEqual([
        expect.objectContaining({ error: '421 4.7.1 Try again later' }),
      ]);
      expect(smtp.pausedUntil()?.toISOString()).toBe(until);
    } finally {
      await close();
      await server.close();
    }
  });
});

describe('the outbox when the server throttles', () => {
  it('pauses instead of retrying each email, keeps their order, and counts no attempt for the pause', async () => {
    // One connection, so the order the server receives is the order the outbox sends in.
    const server = await SmtpTestServer.start({ dataReplies: [250, 421] });
    const testApp = await createTestApp({
      SMTP_ADDRESS: server.address,
      SMTP_TLS: 'none',
      SMTP_FROM: SENDER,
      SMTP_POOL_SIZE: '1',
    });
    const emails = users(5);
    const registerUser = (email: string) =>
      request(testApp.app.getHttpServer())
        .post('/users')
        .send({ email, firstName: 'Ivan', password: VALID_PASSWORD })
        .expect(201);
    try {
      await registerUser(emails[0]);
      await registerUser(emails[1]);
      const pause = await testApp.logs.waitFor(SMTP_LOGGER_NAME, (line) => line.msg === PAUSED);
      // Queued while the server is paused: they wait behind the throttled one.
      for (const email of emails.slice(2)) await registerUser(email);
      await server.waitForMessages(5, 30_000);

      expect(pause).toMatchObject({ level: 'warn', server: server.address, reply: '421 4.7.1 Try again later' });
      expect(server.received.map((mail) => mail.to[0])).toEqual(emails);
      expect(server.dataAttempts).toBe(6);
      noAttemptBefore(server, 1, pause.until as string);
      // Recorded as sent once the batch is done, a moment after the server's last reply.
      const outbox = testApp.app.get(OutboxRepository);
      let sent = await outbox.list('sent');
      for (const deadline = Date.now() + 10_000; sent.length < 5 && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        sent = await outbox.list('sent');
      }
      expect(sent.map((entry) => entry.attempts)).toEqual([1, 1, 1, 1, 1]);
      const lines = testApp.logs.of(SMTP_LOGGER_NAME);
      expect(lines.filter((line) => line.msg === PAUSED)).toHaveLength(1);
      expect(lines.filter((line) => line.msg === RESUMED)).toEqual([
        expect.objectContaining({ level: 'info', server: server.address }),
      ]);
    } finally {
      await testApp.close();
      await server.close();
    }
  });
});

// Instances share a pause only through PostgreSQL (the embedded database serves one process).
const describeOnPostgres = AVAILABLE_DATABASES.includes('postgres') ? describe : describe.skip;

describeOnPostgres('two app instances on one PostgreSQL database when the server throttles', () => {
  it('both pause: no email reaches the server before the pause one of them met ends', async () => {
    const server = await SmtpTestServer.start({ dataReplies: [421] });
    const database = await createTestDatabase('postgres');
    const env = { ...database, SMTP_ADDRESS: server.address, SMTP_FROM: SENDER, SMTP_TLS: 'none', SMTP_POOL_SIZE: '1' };
    const instances = await Promise.all([AppProcess.start(env), AppProcess.start(env)]);
    const paused = (app: AppProcess) => app.waitFor((line: LogLine) => line.msg === PAUSED, 20_000);
    try {
      const emails = users(6);
      await register(instances[0].url, emails[0]).expect(201);
      const [first, second] = await Promise.all(instances.map(paused));
      // One met the 421; the other learned the same pause from the database.
      expect([first.shared, second.shared].sort()).toEqual([true, undefined]);
      expect(second.until).toBe(first.until);
      for (const [i, email] of emails.slice(1).entries()) await register(instances[i % 2].url, email).expect(201);
      await server.waitForMessages(6, 60_000);

      noAttemptBefore(server, 0, first.until as string);
      expect(server.dataAttempts).toBe(7);
      const client = new Client({ connectionString: database.DATABASE_URL });
      await client.connect();
      try {
        const { rows } = await client.query<{ attempts: number }>('SELECT attempts FROM email_outbox');
        expect(rows.map((row) => row.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
      } finally {
        await client.end();
      }
    } finally {
      await Promise.all(instances.map((app) => app.stop()));
      await server.close();
    }
  }, 180_000);
});
