import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { LOCALES, NOTIFICATIONS } from '../src/notifications/catalogue';
import { AppProcess } from './support/app-process';
import { runBuiltScript, type ScriptResult } from './support/built-script';
import { register } from './support/registration';
import { SmtpTestServer } from './support/smtp-test-server';
import { generateTestCertificates } from './support/test-certificates';

const SAMPLE_SENDER = 'SolidPoint <noreply@solidpoint.localhost>';
const SAMPLE_RECIPIENT = 'ivanov.ivan@solidlab.ru';

/** Every notification in every locale, rendered with its sample, as the previews must show them. */
const EXPECTED = NOTIFICATIONS.flatMap((notification) =>
  LOCALES.map((locale) => ({
    file: `${notification.name}.${locale}`,
    ...notification.render(notification.sample, locale),
  })),
);

function newDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'mail-preview-'));
}

/** `npm run mail:preview -- <args>` from `cwd` (an empty directory unless given), with only `env`. */
function preview(args: string[], env: Record<string, string> = {}, cwd = newDirectory()): Promise<ScriptResult> {
  return runBuiltScript('mail-preview/mail-preview-cli.js', args, env, cwd);
}

describe('npm run mail:preview -- --out <dir>, without SMTP nor a database configured', () => {
  let out: string;
  let result: ScriptResult;

  beforeAll(async () => {
    out = join(newDirectory(), 'previews');
    result = await preview(['--out', out]);
  });

  it('exits 0 and says where it wrote what, from the sample sender', () => {
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout:
        `mail:preview: wrote ${EXPECTED.length} previews (.eml and .html) and index.html to ${out}, ` +
        `from ${SAMPLE_SENDER} (a sample sender: SMTP_FROM is not set) to ${SAMPLE_RECIPIENT}\n` +
        `Open file://${out}/index.html\n`,
    });
  });

  it('writes an .eml and an .html for every notification in every locale, and index.html', () => {
    const files = EXPECTED.flatMap(({ file }) => [`${file}.eml`, `${file}.html`]);
    expect(readdirSync(out).sort()).toEqual(['index.html', ...files].sort());
  });

  it.each(EXPECTED)(
    'writes $file.eml as a message with its subject and text, from the sender to the sample',
    async (expected) => {
      const raw = readFileSync(join(out, `${expected.file}.eml`));
      const parsed = await simpleParser(raw);
      expect(parsed.subject).toBe(expected.subject);
      expect(parsed.text).toBe(expected.text);
      expect(parsed.html === false ? undefined : parsed.html).toBe(expected.html);
      expect(parsed.from?.text).toBe('"SolidPoint" <noreply@solidpoint.localhost>');
      expect(parsed.to).toMatchObject({ text: SAMPLE_RECIPIENT });
      expect(raw.toString('latin1')).toMatch(/^From: .*\r\nTo: .*\r\nSubject: /);
      expect(raw.toString('latin1').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    },
  );

  it.each(EXPECTED)('writes $file.html as the HTML part, or else the text escaped in a <pre>', (expected) => {
    const page = readFileSync(join(out, `${expected.file}.html`), 'utf8');
    if (expected.html !== undefined) return expect(page).toBe(expected.html);
    const escaped = expected.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(page).toContain(`<pre>${escaped}</pre>`);
    expect(page).toMatch(/^<!doctype html>\n<html lang="(en|ru)">/);
  });

  it('lists every preview in index.html with its subject and links to both files', () => {
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const expected of EXPECTED) {
      expect(index).toContain(`<a href="${expected.file}.html">`);
      expect(index).toContain(`<a href="${expected.file}.eml">.eml</a>`);
      expect(index).toContain(`<td>${expected.subject}</td>`);
    }
  });
});

describe('npm run mail:preview with a sender configured', () => {
  it('sends from SMTP_FROM in the .env of the directory it runs in, as the app would', async () => {
    const cwd = newDirectory();
    writeFileSync(join(cwd, '.env'), "SMTP_FROM='Солид Поинт <robot@solidlab.test>'\n");
    const result = await preview(['--out=out'], {}, cwd);
    expect(result.stdout).toContain('from Солид Поинт <robot@solidlab.test> (SMTP_FROM) to');
    const raw = readFileSync(join(cwd, 'out', `${EXPECTED[0].file}.eml`), 'latin1');
    expect(raw).toMatch(/^From: =\?UTF-8\?Q\?/);
    expect((await simpleParser(raw)).from?.value).toEqual([{ name: 'Солид Поинт', address: 'robot@solidlab.test' }]);
  });

  it('sends from SMTP_USERNAME when it is an email address and SMTP_FROM is unset', async () => {
    const result = await preview(['--out', 'out'], { SMTP_USERNAME: 'smtp.solidlab.test@yandex.ru' });
    expect(result.stdout).toContain('from smtp.solidlab.test@yandex.ru (SMTP_USERNAME) to');
  });

  it('exits 1 with one line naming SMTP_FROM when it is not an address, and writes nothing', async () => {
    const cwd = newDirectory();
    const result = await preview(['--out', 'out'], { SMTP_FROM: 'not an address' }, cwd);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'mail:preview: SMTP_FROM must be an email address, optionally with a name: "SolidPoint <noreply@example.com>"\n',
    });
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('npm run mail:preview given wrong arguments', () => {
  it.each([
    [[], '--out <dir> is required'],
    [['--out'], '--out <dir> is required'],
    [['--out='], '--out <dir> is required'],
    [['--out', '--help'], '--out <dir> is required'],
    [['--dir', 'x'], '--out <dir> is required'],
    [['--out', 'x', 'y'], 'unexpected argument "y"'],
    [['--out=x', '--verbose'], 'unexpected argument "--verbose"'],
  ])('%j: exits 2 with the reason and the usage on stderr, writing nothing', async (args, reason) => {
    const cwd = newDirectory();
    const result = await preview(args, {}, cwd);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      new RegExp(`^mail:preview: ${reason.replace(/[<>]/g, '.')}\nUsage: npm run mail:preview -- --out <dir>\n`),
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('prints the usage on stdout and exits 0 for --help', async () => {
    const result = await preview(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run mail:preview -- --out <dir>\n/);
  });
});

describe('npm run mail:preview into a directory it cannot write', () => {
  it('exits 1 with one line naming the directory and the reason', async () => {
    const file = join(newDirectory(), 'a-file');
    writeFileSync(file, '');
    const result = await preview(['--out', join(file, 'previews')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      new RegExp(`^mail:preview: cannot write to ${file}/previews: ENOTDIR: not a directory, [^\n]+\n$`),
    );
  });

  it('exits 1 with one line where the system refuses to create the directory (/proc)', async () => {
    const result = await preview(['--out', '/proc/mail-previews']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "mail:preview: cannot write to /proc/mail-previews: ENOENT: no such file or directory, mkdir '/proc/mail-previews'\n",
    });
  });
});

describe('a preview beside the same email sent by the built app over SMTP', () => {
  it('has the very bytes the server received, but for the Message-ID and Date headers', async () => {
    const registration = NOTIFICATIONS.find((notification) => notification.name === 'registration');
    const firstName = (registration?.sample as { firstName: string }).firstName;
    const certificates = await generateTestCertificates();
    const server = await SmtpTestServer.start({ certificates });
    const app = await AppProcess.start({
      SMTP_ADDRESS: server.address,
      SMTP_FROM: SAMPLE_SENDER,
      NODE_EXTRA_CA_CERTS: certificates.caFile,
    });
    try {
      await register(app.url, SAMPLE_RECIPIENT, { firstName }).expect(201);
      const [mail] = await server.waitForMessages(1);
      const out = newDirectory();
      await preview(['--out', out], { SMTP_FROM: SAMPLE_SENDER });
      const varying = /^(Message-ID|Date): .*\r\n/gm;
      const previewed = readFileSync(join(out, 'registration.en.eml'), 'latin1');
      expect(mail.raw.toString('latin1').replace(varying, '$1: …\r\n')).toBe(previewed.replace(varying, '$1: …\r\n'));
    } finally {
      await app.stop();
      await server.close();
    }
  });
});
