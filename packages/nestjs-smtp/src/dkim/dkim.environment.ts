import { readFileSync } from 'node:fs';
import type { EnvironmentReader } from '../environment-reader.js';
import type { SmtpDkimOptions } from '../interfaces/smtp-module-options.interface.js';
import { isDkimName, parseDkimKey } from './dkim-key.js';

/** The DKIM variables: all three or none. */
export const DKIM_VARIABLES = ['SMTP_DKIM_DOMAIN', 'SMTP_DKIM_SELECTOR', 'SMTP_DKIM_PRIVATE_KEY'] as const;

/**
 * Reads SMTP_DKIM_DOMAIN, SMTP_DKIM_SELECTOR and SMTP_DKIM_PRIVATE_KEY (PEM text, `\n` escapes
 * allowed, or the path of a PEM file): `undefined` when none is set; a problem recorded for each
 * missing or wrong one, the key never quoted.
 */
export function readDkimEnvironment(reader: EnvironmentReader): SmtpDkimOptions | undefined {
  const [domain, selector, keySetting] = DKIM_VARIABLES.map((name) => reader.text(name));
  if (domain === undefined && selector === undefined && keySetting === undefined) return undefined;
  const missing = DKIM_VARIABLES.filter((name) => reader.text(name) === undefined);
  if (missing.length > 0) {
    const verb = missing.length === 1 ? 'is' : 'are';
    reader.problem(
      `${missing.join(' and ')} ${verb} not set but other SMTP_DKIM_* variables are; set all three or none`,
    );
  }
  if (domain !== undefined && !isDkimName(domain))
    reader.problem('SMTP_DKIM_DOMAIN must be a domain name, e.g. solidpoint.example');
  if (selector !== undefined && !isDkimName(selector))
    reader.problem('SMTP_DKIM_SELECTOR must be a DNS label, e.g. mail2026');
  const privateKey = keySetting === undefined ? '' : readPem(reader, keySetting);
  return { domain: domain ?? '', selector: selector ?? '', privateKey };
}

function readPem(reader: EnvironmentReader, setting: string): string {
  let pem = setting.replace(/\\n/g, '\n');
  if (!pem.includes('-----BEGIN')) {
    try {
      pem = readFileSync(setting, 'utf8');
    } catch (error) {
      // The setting is not echoed: it might be key material without its PEM armour.
      reader.problem(
        `SMTP_DKIM_PRIVATE_KEY is neither PEM text nor a readable file (${(error as NodeJS.ErrnoException).code})`,
      );
      return '';
    }
  }
  const key = parseDkimKey(pem);
  if (typeof key === 'string') reader.problem(`SMTP_DKIM_PRIVATE_KEY ${key}`);
  return pem;
}
