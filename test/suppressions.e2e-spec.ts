import request from 'supertest';
import { SMTP_LOGGER_NAME } from '@solidpoint/nestjs-smtp';
import { DATABASE } from '../src/database/database.constants';
import type { Database } from '../src/database/database';
import { MailOutbox } from '../src/outbox/mail-outbox';
import { OUTBOX_LOGGER_NAME } from '../src/outbox/outbox.constants';
import { SuppressionsRepository } from '../src/suppressions';
import { AppProcess } from './support/app-process';
import { sample } from './support/prometheus-sample';
import { register } from './support/registration';
import { SmtpTestServer } from './support/smtp-test-server';
import { createTestApp, type TestApp } from './support/test-app';
import { AVAILABLE_DATABASES, createTestDatabase } from './support/test-database';

const RELAY = { SMTP_TLS: 'none', SMTP_FROM: 'SolidPoint <noreply@solidpoint.test>', SMTP_RETRY_DELAY: '3600' };
const GHOST = 'ghost@solidlab.test';
const BUSY = 'busy@solidlab.test';
const UNKNOWN_USER = '550 5.1.1 user unknown';
const NOT_SENT = 'Email not sent: recipient suppressed';
const ISO_TIME = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z';

describe.each(AVAILABLE_DATABASES)('hard bounces on the %s database', (kind) => {
  let database: Record<string, string>;
  const servers: SmtpTestServer[] = [];
  let refusing: SmtpTestServer;
  let testApp: TestApp | undefined;

  const startApp = async (server: SmtpTestServer) => {
    testApp = await createTestApp({ ...database, SMTP_ADDRESS: server.address, ...RELAY });
    return testApp;
  };
  const startServer = async (options: Parameters<typeof SmtpTestServer.start>[0] = {}) => {
    const server = await SmtpTestServer.start(options);
    servers.push(server);
    return server;
  };
  const app = () => testApp as TestApp;
  const notSentLines = () =>
    app()
      .logs.of(OUTBOX_LOGGER_NAME)
      .filter((line) => line.msg === NOT_SENT);
  /** Queues an email the way a feature of the app does, in a transaction of its own. */
  const queue = (to: string | string[]) =>
    app()
      .app.get<Database>(DATABASE)
      .transaction((transaction) =>
        app().app.get(MailOutbox).enqueue(transaction, { to, subject: 'Your account is active', text: 'Welcome' }),
      );
  const cli = (...args: string[]) => AppProcess.runOutboxCli(database, args);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    refusing = await startServer({
      recipientReplies: { [GHOST]: UNKNOWN_USER, [BUSY]: '450 4.2.1 Mailbox busy, try again later' },
    });
    await startApp(refusing);
  });

  afterAll(async () => {
    await testApp?.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  it('suppresses a mailbox the server refuses with 550 5.1.1 at RCPT TO, logging it at info', async () => {
    await register(app().app.getHttpServer(), GHOST).expect(201);
    const suppressed = await app().logs.waitFor(
      OUTBOX_LOGGER_NAME,
      (line) => line.msg === 'Recipient suppressed after a permanent refusal',
    );
    expect(suppressed).toMatchObject({ level: 'info', mailbox: GHOST, reason: UNKNOWN_USER });
    const failure = app()
      .logs.of(SMTP_LOGGER_NAME)
      .find((line) => line.msg === 'Failed to send email');
    expect(failure).toMatchObject({ level: 'error', error: UNKNOWN_USER, gaveUp: true });
  });

  it('sends a later email to it nothing, not even RCPT TO, logs that once and counts it', async () => {
    await queue(GHOST);
    const notSent = await app().logs.waitFor(OUTBOX_LOGGER_NAME, (line) => line.msg === NOT_SENT);
    expect(notSent).toMatchObject({
      level: 'info',
      mailbox: GHOST,
      reason: UNKNOWN_USER,
      suppressedAt: expect.stringMatching(new RegExp(`^${ISO_TIME}$`)),
      messageId: expect.any(String),
    });
    // An email queued after it, delivered, shows the worker has moved past it.
    await queue('anna@solidlab.test');
    await refusing.waitForMessages(1);
    expect(refusing.rcptTo).toEqual([GHOST, 'anna@solidlab.test']);
    expect(notSentLines()).toHaveLength(1);
    const metrics = await request(app().app.getHttpServer()).get('/metrics').expect(200);
    expect(sample(metrics.text, 'outbox_recipients_suppressed_total')).toBe(1);
  });

  it('sends an email to several recipients to those not suppressed', async () => {
    await queue(['ivan@solidlab.test', 'Ghost@SolidLab.test']);
    const [, mail] = await refusing.waitForMessages(2);
    expect(mail.to).toEqual(['ivan@solidlab.test']);
    expect(mail.raw.toString()).toContain('\r\nTo: ivan@solidlab.test\r\n');
    expect(refusing.rcptTo.filter((address) => address.toLowerCase() === GHOST)).toHaveLength(1);
    expect(notSentLines()).toHaveLength(2);
  });

  it('does not suppress a mailbox refused with 450 at RCPT TO, and retries it', async () => {
    await register(app().app.getHttpServer(), BUSY).expect(201);
    const failure = await app().logs.waitFor(
      SMTP_LOGGER_NAME,
      (line) => line.msg === 'Failed to send email' && line.error === '450 4.2.1 Mailbox busy, try again later',
    );
    expect(failure).toMatchObject({ nextAttemptAt: expect.any(String) });
    await app().close();
    testApp = undefined;
    // Closed with its outcome recorded: the CLI (which the embedded database admits only alone) reads it.
    expect((await cli('suppressed')).stdout).not.toContain(BUSY);
  });

  it('lists the suppressed mailbox, with its reason and date, with the outbox CLI', async () => {
    expect(await cli('suppressed')).toEqual({
      code: 0,
      stdout: expect.stringMatching(
        new RegExp(`^${GHOST} {2}since ${ISO_TIME} {2}${UNKNOWN_USER}\\n1 suppressed mailbox\\(es\\)\\n$`),
      ),
      stderr: '',
    });
  });

  it('lists the emails held back as suppressed, with whom and why', async () => {
    const listed = await cli('list', 'suppressed');
    expect(listed.code).toBe(0);
    const [line, count] = listed.stdout.trimEnd().split('\n');
    expect(count).toBe('1 email(s)');
    expect(line).toMatch(
      new RegExp(
        `^[0-9a-f-]{36} {2}suppressed {2}attempts 0 .* to ${GHOST} .*last error: Not sent: recipient suppressed: ${GHOST} since ${ISO_TIME} \\(${UNKNOWN_USER}\\)$`,
      ),
    );
  });

  it('lifts the suppression with unsuppress, in any letter case', async () => {
    expect(await cli('unsuppress', 'Ghost@SolidLab.test')).toEqual({
      code: 0,
      stdout: `Lifted the suppression of ${GHOST}\n`,
      stderr: '',
    });
    expect((await cli('suppressed')).stdout).toBe('0 suppressed mailbox(es)\n');
  });

  it('exits 1 with one line to unsuppress a mailbox that is not suppressed', async () => {
    expect(await cli('unsuppress', GHOST)).toEqual({ code: 1, stdout: '', stderr: `${GHOST} is not suppressed\n` });
  });

  it('exits 2 with one line to unsuppress what is not an email address', async () => {
    expect(await cli('unsuppress', 'ghost@solidlab.test\r\nBcc: x@y.test')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Not an email address: "ghost@solidlab.test\\r\\nBcc: x@y.test"\n',
    });
  });

  it('sends the next email to the mailbox once its suppression is lifted', async () => {
    const accepting = await startServer();
    await startApp(accepting);
    await queue(GHOST);
    const [mail] = await accepting.waitForMessages(1);
    expect(mail.to).toEqual([GHOST]);
    expect(notSentLines()).toEqual([]);
  });

  it('lifts the suppression of an email’s recipients when the CLI retries it', async () => {
    await app().app.get(SuppressionsRepository).suppress(GHOST, UNKNOWN_USER);
    await app().close();
    testApp = undefined;
    const [failed] = (await cli('list', 'failed')).stdout.split('\n');
    const id = failed.slice(0, 36);
    expect(failed).toContain(`to ${GHOST} `);
    expect(await cli('retry', id)).toEqual({
      code: 0,
      stdout: `Queued ${id} again\n`,
      stderr: `Lifted the suppression of ${GHOST}\n`,
    });
    expect((await cli('suppressed')).stdout).toBe('0 suppressed mailbox(es)\n');
  });
});
