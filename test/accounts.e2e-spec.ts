import { simpleParser, type ParsedMail } from 'mailparser';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppProcess } from './support/app-process';
import type { ScriptResult } from './support/built-script';
import { pollUntil } from './support/poll-until';
import { register, VALID_PASSWORD } from './support/registration';
import { SmtpTestServer } from './support/smtp-test-server';
import { AVAILABLE_DATABASES, createTestDatabase } from './support/test-database';

const SENDER_ADDRESS = 'noreply@solidpoint.test';
const ADMINS = ['admin@solidlab.test', 'security@solidlab.test'];

const DOC_TEXT =
  'Ivan, welcome to SolidPoint\n\n' +
  'Please wait until your organization\u2019s administrator activates your account.\n\n' +
  'You are receiving this email because your email address was used to register for the SolidPoint dashboard. ' +
  'If this was not you, please ignore this message.\n';

const Subject = {
  registrationRu: 'Регистрация в SolidPoint',
  waiting: 'New SolidPoint registration waiting for activation',
  activatedRu: 'Ваша учётная запись в SolidPoint активирована',
  declinedEn: 'Your SolidPoint registration was declined',
} as const;

describe.each(AVAILABLE_DATABASES)('accounts through the built app and the users CLI, on the %s database', (kind) => {
  let server: SmtpTestServer;
  let database: Record<string, string>;
  let app: AppProcess;
  const env = () => ({
    SMTP_ADDRESS: server.address,
    SMTP_TLS: 'none',
    // A Cyrillic display name: the From header must carry it RFC 2047-encoded.
    SMTP_FROM: `СолидПоинт <${SENDER_ADDRESS}>`,
    SMTP_RETRY_DELAY: '1',
    REGISTRATION_NOTIFY_TO: ADMINS.join(','),
    ...database,
  });

  /**
   * Runs command-line work as an operator would: beside the running app on PostgreSQL; on the
   * embedded database, which serves one process, with the app stopped and then started again.
   */
  const operate = async <T>(work: () => Promise<T>): Promise<T> => {
    if (kind === 'postgres') return work();
    await app.stop();
    try {
      return await work();
    } finally {
      app = await AppProcess.start(env());
    }
  };
  const users = (...args: string[]): Promise<ScriptResult> => AppProcess.runUsersCli(env(), args);

  const mailsTo = (address: string) => server.received.filter((mail) => mail.to.includes(address));
  /** Waits for the email to `address` with `subject`, and returns it parsed, with its raw bytes. */
  const mailTo = async (address: string, subject: string): Promise<ParsedMail & { raw: Buffer }> => {
    for (;;) {
      const seen = mailsTo(address);
      for (const mail of seen) {
        const parsed = await simpleParser(mail.raw);
        if (parsed.subject === subject) return Object.assign(parsed, { raw: mail.raw });
      }
      await pollUntil(
        () => mailsTo(address).length > seen.length,
        20_000,
        () => `no email "${subject}" to ${address}`,
      );
    }
  };
  /** The outbox's emails to `address`, sent or not, as the outbox CLI lists them. */
  const queuedTo = async (address: string): Promise<string[]> => {
    const lists = await operate(async () => [
      await AppProcess.runOutboxCli(env(), ['list']),
      await AppProcess.runOutboxCli(env(), ['list', 'sent']),
    ]);
    return lists.flatMap((list) => list.stdout.split('\n')).filter((line) => line.includes(` to ${address} `));
  };

  beforeAll(async () => {
    server = await SmtpTestServer.start();
    database = await createTestDatabase(kind);
    app = await AppProcess.start(env());
  });

  afterAll(async () => {
    await app.stop();
    await server.close();
  });

  it('delivers a Russian registration email for locale "ru", subject and sender name RFC 2047-encoded', async () => {
    await register(app.url, 'ivan.ru@solidlab.test', { firstName: 'Иван', lastName: 'Иванов', locale: 'ru' }).expect(
      201,
    );
    const mail = await mailTo('ivan.ru@solidlab.test', Subject.registrationRu);
    expect(mail.raw.every((byte) => byte < 0x80)).toBe(true);
    // Unfolded: long encoded headers continue on lines that begin with a space.
    const headers = mail.raw.toString('ascii').split('\r\n\r\n')[0].replace(/\r\n /g, ' ');
    expect(headers).toMatch(/^Subject: =\?UTF-8\?Q\?[!-~]+\?=( =\?UTF-8\?Q\?[!-~]+\?=)*$/m);
    expect(headers).toMatch(/^From: =\?UTF-8\?Q\?[!-~]+\?=( =\?UTF-8\?Q\?[!-~]+\?=)* <noreply@solidpoint\.test>$/m);
    expect(mail.from?.value).toEqual([{ name: 'СолидПоинт', address: SENDER_ADDRESS }]);
    expect(mail.text).toMatch(/^Здравствуйте, Иван!\n\nСпасибо за регистрацию в SolidPoint\. /);
    expect(mail.text).toContain('администратор Вашей организации');
  });

  it('delivers it in Russian too without a locale, when Accept-Language is "ru-RU,ru;q=0.9"', async () => {
    await register(app.url, 'accept.ru@solidlab.test', { firstName: 'Мария' })
      .set('Accept-Language', 'ru-RU,ru;q=0.9')
      .expect(201);
    const mail = await mailTo('accept.ru@solidlab.test', Subject.registrationRu);
    expect(mail.text?.split('\n')[0]).toBe('Здравствуйте, Мария!');
  });

  it("delivers the operator doc's English text, byte for byte, as text/plain alone, without a locale", async () => {
    await register(app.url, 'ivan.en@solidlab.test').expect(201);
    const mail = await mailTo('ivan.en@solidlab.test', 'Registration for SolidPoint');
    expect(mail.text).toBe(DOC_TEXT);
    expect(mail.html).toBe(false);
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'text/plain' });
  });

  it("sends each REGISTRATION_NOTIFY_TO address its own English notice with the user's name and email, never the password", async () => {
    await register(app.url, 'script.kiddie@solidlab.test', {
      firstName: '<script>alert(1)</script>',
      lastName: 'Петрова',
    }).expect(201);
    for (const admin of ADMINS) {
      await pollUntil(
        () => mailsTo(admin).some((mail) => mail.raw.includes('script.kiddie@solidlab.test')),
        20_000,
        () => `no notice about script.kiddie to ${admin}`,
      );
      const [sent] = mailsTo(admin).filter((mail) => mail.raw.includes('script.kiddie@solidlab.test'));
      expect(sent.to).toEqual([admin]);
      const notice = await simpleParser(sent.raw);
      expect(notice.subject).toBe(Subject.waiting);
      expect(notice.text).toContain('Name: <script>alert(1)</script> Петрова\nEmail: script.kiddie@solidlab.test\n');
      expect(notice.html).toContain('Name: &lt;script&gt;alert(1)&lt;/script&gt; Петрова<br>');
      expect(notice.html).not.toContain('<script');
      expect(sent.raw.toString('latin1')).not.toMatch(new RegExp(`${VALID_PASSWORD}|scrypt\\$`));
    }
  });

  it("activate delivers the user's notice once, in their language; a repeated activate exits 1 and sends nothing", async () => {
    const [first, repeated] = await operate(async () => [
      await users('activate', 'IVAN.RU@solidlab.test'),
      await users('activate', 'ivan.ru@solidlab.test'),
    ]);
    expect(first).toEqual({
      code: 0,
      stdout: 'Activated ivan.ru@solidlab.test; their email (ru) is queued\n',
      stderr: '',
    });
    expect(repeated).toEqual({
      code: 1,
      stdout: '',
      stderr: 'ivan.ru@solidlab.test is active, not pending; nothing was changed or sent\n',
    });
    const activated = await mailTo('ivan.ru@solidlab.test', Subject.activatedRu);
    expect(activated.text?.split('\n')[0]).toBe('Здравствуйте, Иван!');

    // The outbox holds what was queued: the registration email and one notice, nothing more.
    expect(await queuedTo('ivan.ru@solidlab.test')).toHaveLength(2);
    expect(mailsTo('ivan.ru@solidlab.test')).toHaveLength(2);
  });

  it("reject delivers the user's notice once, in English for a user who chose no language", async () => {
    const rejected = await operate(() => users('reject', 'ivan.en@solidlab.test'));
    expect(rejected).toEqual({
      code: 0,
      stdout: 'Rejected ivan.en@solidlab.test; their email (en) is queued\n',
      stderr: '',
    });
    const declined = await mailTo('ivan.en@solidlab.test', Subject.declinedEn);
    expect(declined.text?.split('\n')[0]).toBe('Ivan, your registration for SolidPoint was declined');
    expect(mailsTo('ivan.en@solidlab.test')).toHaveLength(2);
  });

  it('lists users with their status and language, never a password hash, filtered by --status', async () => {
    const [all, pending] = await operate(async () => [await users('list'), await users('list', '--status', 'pending')]);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(
      /^[0-9a-f-]{36} {2}active {4}ru {2}\d{4}-\d\d-\d\dT[\d:.]+Z {2}ivan\.ru@solidlab\.test {2}Иван Иванов$/m,
    );
    expect(all.stdout).toMatch(/ {2}rejected {2}en {2}.* {2}ivan\.en@solidlab\.test {2}Ivan$/m);
    expect(all.stdout).toMatch(/\n4 user\(s\)\n$/);
    expect(all.stdout).not.toContain('scrypt');
    expect(pending.stdout.split('\n').filter((line) => line.includes('@'))).toEqual([
      expect.stringContaining('accept.ru@solidlab.test'),
      expect.stringContaining('script.kiddie@solidlab.test'),
    ]);
  });

  it('exits 1 with one line, queueing nothing, for an unknown user; 2 with the usage for a wrong command', async () => {
    const [unknown, wrong] = await operate(async () => [
      await users('reject', 'nobody@solidlab.test'),
      await users('list', '--status', 'deleted'),
    ]);
    expect(unknown).toEqual({
      code: 1,
      stdout: '',
      stderr: 'No user is registered with nobody@solidlab.test; nothing was changed or sent\n',
    });
    expect(wrong).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^Usage: npm run users -- /) });
    expect(await queuedTo('nobody@solidlab.test')).toEqual([]);
  });

  if (kind === 'embedded') {
    it("refuses with the lock's message while the app holds the embedded database", async () => {
      const refused = await users('activate', 'accept.ru@solidlab.test');
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/^DATA_DIR .* is in use by another process \(pid \d+ on .*\)\. .*DATABASE_URL\n$/);
    });
  }
});

/**
 * A module to preload into the built app that breaks the Russian registration subject, as a
 * mistake in a template would: the compiled catalogue itself has no broken template to test with.
 */
function preloadBreakingTheRussianSubject(): string {
  const template = resolve(__dirname, '../dist/notifications/registration.notification.js');
  const path = join(mkdtempSync(join(tmpdir(), 'broken-notification-')), 'break.js');
  writeFileSync(
    path,
    `const { registrationNotification } = require(${JSON.stringify(template)});
const render = registrationNotification.render;
registrationNotification.render = (params, locale) =>
  locale === 'ru' ? { ...render(params, locale), subject: 'Регистрация\\r\\nBcc: x@example.com' } : render(params, locale);
`,
  );
  return path;
}

describe('the built app refusing to start', () => {
  it('with a broken template, in one line naming it and the locale, before logging anything', async () => {
    const app = await AppProcess.runToExit({ NODE_OPTIONS: `--require ${preloadBreakingTheRussianSubject()}` });
    expect(app.status).toEqual({ code: 1, signal: null });
    expect(app.stderr).toBe(
      'Notification "registration" in locale ru is broken: its subject contains a control character (CR, LF, ...)\n',
    );
    expect(app.stdout).toBe('');
  });

  it('with a malformed REGISTRATION_NOTIFY_TO, in one line naming the variable and the wrong address', async () => {
    const app = await AppProcess.runToExit({ REGISTRATION_NOTIFY_TO: 'admin@solidlab.test;ops@solidlab.test' });
    expect(app.status).toEqual({ code: 1, signal: null });
    expect(app.stderr).toBe(
      'Invalid configuration: REGISTRATION_NOTIFY_TO must be a comma-separated list of email addresses, e.g. admin@example.com,ops@example.com; "admin@solidlab.test;ops@solidlab.test" is not one\n',
    );
    expect(app.stdout).toBe('');
  });
});
