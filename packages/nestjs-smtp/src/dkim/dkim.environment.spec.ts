import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSmtpEnvironment } from '../smtp.config.js';

const SMTP = { SMTP_ADDRESS: 'smtp.example.com:587', SMTP_USERNAME: 'noreply@solidpoint.test', SMTP_PASSWORD: 'p4ss' };

function privatePem(type: 'rsa' | 'ed25519' | 'ec', bits = 2048): string {
  const options = type === 'rsa' ? { modulusLength: bits } : type === 'ec' ? { namedCurve: 'P-256' } : {};
  // Typed loosely: the overloads of generateKeyPairSync are per key type.
  return generateKeyPairSync(type as 'rsa', options as { modulusLength: number })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

const RSA_PEM = privatePem('rsa');
const DKIM = { SMTP_DKIM_DOMAIN: 'solidpoint.test', SMTP_DKIM_SELECTOR: 'mail2026', SMTP_DKIM_PRIVATE_KEY: RSA_PEM };

describe('parseSmtpEnvironment with SMTP_DKIM_*', () => {
  it('reads the domain, the selector and the key as PEM text', () => {
    expect(parseSmtpEnvironment({ ...SMTP, ...DKIM })).toMatchObject({
      dkim: { domain: 'solidpoint.test', selector: 'mail2026', privateKey: RSA_PEM },
    });
  });

  it('reads PEM text written on one line with \\n escapes, as in a container environment', () => {
    const escaped = RSA_PEM.replace(/\n/g, '\\n');
    expect(parseSmtpEnvironment({ ...SMTP, ...DKIM, SMTP_DKIM_PRIVATE_KEY: escaped })).toMatchObject({
      dkim: { privateKey: RSA_PEM },
    });
  });

  it('reads the key from a file when given a path', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'dkim-')), 'dkim.pem');
    const ed25519 = privatePem('ed25519');
    writeFileSync(path, ed25519);
    expect(parseSmtpEnvironment({ ...SMTP, ...DKIM, SMTP_DKIM_PRIVATE_KEY: path })).toMatchObject({
      dkim: { privateKey: ed25519 },
    });
  });

  it('leaves DKIM off when none is set', () => {
    expect(parseSmtpEnvironment(SMTP)).not.toHaveProperty('dkim');
  });

  it.each([
    [
      'a missing selector and key',
      { SMTP_DKIM_SELECTOR: '', SMTP_DKIM_PRIVATE_KEY: '' },
      'SMTP_DKIM_SELECTOR and SMTP_DKIM_PRIVATE_KEY are not set but other SMTP_DKIM_* variables are; set all three or none',
    ],
    [
      'an unparseable key',
      { SMTP_DKIM_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' },
      'SMTP_DKIM_PRIVATE_KEY is not an unencrypted PEM private key',
    ],
    [
      'an EC key',
      { SMTP_DKIM_PRIVATE_KEY: privatePem('ec') },
      'SMTP_DKIM_PRIVATE_KEY is an ec key; DKIM signs with RSA or Ed25519',
    ],
    [
      'a 512-bit RSA key',
      { SMTP_DKIM_PRIVATE_KEY: privatePem('rsa', 512) },
      'SMTP_DKIM_PRIVATE_KEY is a 512-bit RSA key; DKIM needs at least 1024 bits (2048 recommended)',
    ],
    [
      'a file that is not there',
      { SMTP_DKIM_PRIVATE_KEY: '/nonexistent/dkim.pem' },
      'SMTP_DKIM_PRIVATE_KEY is neither PEM text nor a readable file (ENOENT)',
    ],
    [
      'a selector that could inject a tag',
      { SMTP_DKIM_SELECTOR: 'a; b=x' },
      'SMTP_DKIM_SELECTOR must be a DNS label, e.g. mail2026',
    ],
  ])('refuses %s in one line, never printing the key', (_case, change, problem) => {
    const env = { ...SMTP, ...DKIM, ...change };
    expect(() => parseSmtpEnvironment(env)).toThrow(`Invalid configuration: ${problem}`);
    let message = '';
    try {
      parseSmtpEnvironment(env);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('PRIVATE KEY');
    expect(message).not.toContain('\n');
  });

  it('refuses SMTP_DKIM_* while SMTP is off', () => {
    expect(() => parseSmtpEnvironment(DKIM)).toThrow('SMTP_DKIM_DOMAIN is set but SMTP_ADDRESS is not');
  });
});
