import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTP_LOGGER_NAME } from '@solidpoint/nestjs-smtp';
import { InMemorySmtpClient } from '@solidpoint/nestjs-smtp/testing';
import { AppProcess } from './support/app-process';
import { type DkimTestKey, generateDkimKey, verifyDkim } from './support/dkim-verifier';
import { embedSmtpModule as embed } from './support/embedded-smtp-module';
import { register } from './support/registration';
import { SmtpTestServer } from './support/smtp-test-server';

const DOMAIN = 'solidpoint.test';
const SELECTOR = 'mail2026';
const DNS_NAME = `${SELECTOR}._domainkey.${DOMAIN}`;
const FROM = `SolidPoint <noreply@${DOMAIN}>`;

let rsa: DkimTestKey;
let ed25519: DkimTestKey;
let server: SmtpTestServer;

beforeAll(async () => {
  rsa = generateDkimKey('rsa');
  ed25519 = generateDkimKey('ed25519');
  server = await SmtpTestServer.start();
});

afterAll(async () => {
  await server.close();
});

/**
 * mailauth's verdicts on `raw` altered as a relay rewriting it would: a signed header changed (the
 * signature fails) and one byte of the body changed (the body hash does not match).
 */
async function verifyTampered(raw: Buffer, record: string) {
  const text = raw.toString();
  const body = text.indexOf('\r\n\r\n') + 4;
  const header = text.indexOf('\r\nSubject: ') + 11;
  const [changedHeader] = await verifyDkim(`${text.slice(0, header)}X${text.slice(header + 1)}`, {
    [DNS_NAME]: record,
  });
  const [changedBody] = await verifyDkim(`${text.slice(0, body)}X${text.slice(body + 1)}`, { [DNS_NAME]: record });
  return { changedHeader, changedBody };
}

function expectTamperingDetected({ changedHeader, changedBody }: Awaited<ReturnType<typeof verifyTampered>>): void {
  expect(changedHeader.status.result).toBe('fail');
  // mailauth reports a body that no longer matches as "neutral", with this comment.
  expect(changedBody.status).toMatchObject({ result: 'neutral', comment: 'body hash did not verify' });
}

describe('The built app with SMTP_DKIM_*', () => {
  let app: AppProcess | undefined;

  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  function appEnv(privateKey: string): Record<string, string> {
    return {
      SMTP_ADDRESS: server.address,
      SMTP_TLS: 'none',
      SMTP_FROM: FROM,
      SMTP_DKIM_DOMAIN: DOMAIN,
      SMTP_DKIM_SELECTOR: SELECTOR,
      SMTP_DKIM_PRIVATE_KEY: privateKey,
      LOG_LEVEL: 'debug',
    };
  }

  it('signs the registration email (RSA key from a file) as the "New email" line shows it, and mailauth verifies it', async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'dkim-key-')), 'dkim.pem');
    writeFileSync(keyFile, rsa.privateKey);
    const before = server.received.length;
    app = await AppProcess.start(appEnv(keyFile));
    await register(app.url, 'petrov.petr@solidlab.test').expect(201);
    const [mail] = (await server.waitForMessages(before + 1, 20_000)).slice(before);
    const logged = await app.waitFor((line) => line.msg === 'New email');
    expect(logged.Message).toBe(mail.raw.toString());
    expect(mail.raw.toString()).toMatch(
      /^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=solidpoint\.test;\r\n s=mail2026;/,
    );

    const [verdict] = await verifyDkim(mail.raw, { [DNS_NAME]: rsa.txtRecord });
    expect(verdict).toMatchObject({ signingDomain: DOMAIN, selector: SELECTOR, status: { result: 'pass' } });
    expectTamperingDetected(await verifyTampered(mail.raw, rsa.txtRecord));
    expect(app.logsOf(SMTP_LOGGER_NAME)[0]).toMatchObject({
      msg: 'SMTP client enabled',
      dkim: { domain: DOMAIN, selector: SELECTOR },
    });
    expect(app.stdout + app.stderr).not.toContain('PRIVATE KEY');
  });

  it.each([
    [
      'an RSA key shorter than 1024 bits',
      generateShortRsaKey(),
      'SMTP_DKIM_PRIVATE_KEY is a 512-bit RSA key; DKIM needs at least 1024 bits (2048 recommended)',
    ],
    [
      'text that is no key',
      '-----BEGIN PRIVATE KEY-----\\nnot-a-key\\n-----END PRIVATE KEY-----',
      'SMTP_DKIM_PRIVATE_KEY is not an unencrypted PEM private key',
    ],
  ])('refuses to start with %s, in one line that does not print the key', async (_case, privateKey, problem) => {
    const exited = await AppProcess.runToExit(appEnv(privateKey));
    expect(exited.status).toEqual({ code: 1, signal: null });
    expect(exited.stderr.trimEnd().split('\n')).toEqual([`Invalid configuration: ${problem}`]);
    expect(exited.stdout + exited.stderr).not.toContain('PRIVATE KEY');
  });
});

function generateShortRsaKey(): string {
  // Node still generates 512-bit RSA keys; receivers ignore signatures made with them (RFC 8301).
  return generateKeyPairSync('rsa', { modulusLength: 512 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

describe('SmtpModule with the dkim option', () => {
  it('signs with an Ed25519 key (RFC 8463), verified by mailauth', async () => {
    const before = server.received.length;
    const { smtp, close } = await embed({
      enabled: true,
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      from: FROM,
      dkim: { domain: DOMAIN, selector: SELECTOR, privateKey: ed25519.privateKey },
    });
    try {
      await smtp.send({ to: 'ivan@solidlab.test', subject: 'Привет', text: 'Unicode body: ёж', html: '<p>ёж</p>' });
      const [mail] = (await server.waitForMessages(before + 1)).slice(before);
      const [verdict] = await verifyDkim(mail.raw, { [DNS_NAME]: ed25519.txtRecord });
      expect(verdict).toMatchObject({ algo: 'ed25519-sha256', status: { result: 'pass' } });
      expectTamperingDetected(await verifyTampered(mail.raw, ed25519.txtRecord));
    } finally {
      await close();
    }
  });

  it('refuses a key of the wrong type at startup without printing it', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const started = embed({
      enabled: true,
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      from: FROM,
      dkim: { domain: DOMAIN, selector: SELECTOR, privateKey: ec },
    });
    await expect(started).rejects.toThrow(
      'SmtpModule option "dkim.privateKey" is an ec key; DKIM signs with RSA or Ed25519',
    );
  });
});

describe('InMemorySmtpClient with dkim', () => {
  it('captures the message signed as the real client sends it', async () => {
    const smtp = new InMemorySmtpClient(FROM, {
      dkim: { domain: DOMAIN, selector: SELECTOR, privateKey: rsa.privateKey },
    });
    await smtp.send({ to: 'ivan@solidlab.test', subject: 'Hi', text: 'Hello' });
    const [email] = smtp.sent;
    expect(email.raw).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256;/);
    expect((await verifyDkim(email.raw, { [DNS_NAME]: rsa.txtRecord }))[0].status.result).toBe('pass');
  });
});
