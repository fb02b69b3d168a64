import { createPrivateKey, type KeyObject } from 'node:crypto';

/** The DKIM signing algorithm a key signs with (RFC 6376 and RFC 8463). */
export type DkimAlgorithm = 'rsa-sha256' | 'ed25519-sha256';

/** A private key checked fit for DKIM. */
export interface DkimKey {
  key: KeyObject;
  algorithm: DkimAlgorithm;
}

/** Shorter RSA keys are refused by receivers (RFC 8301). */
const MIN_RSA_BITS = 1024;

/**
 * Parses a PEM private key (PKCS#8 or PKCS#1, unencrypted) for DKIM signing. Otherwise returns why
 * it cannot be used, as the end of a sentence that names the setting; the reason never quotes the key.
 */
export function parseDkimKey(pem: string): DkimKey | string {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    return 'is not an unencrypted PEM private key';
  }
  if (key.asymmetricKeyType === 'ed25519') return { key, algorithm: 'ed25519-sha256' };
  if (key.asymmetricKeyType !== 'rsa') return `is an ${key.asymmetricKeyType} key; DKIM signs with RSA or Ed25519`;
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS)
    return `is a ${bits}-bit RSA key; DKIM needs at least ${MIN_RSA_BITS} bits (2048 recommended)`;
  return { key, algorithm: 'rsa-sha256' };
}

// A DNS label, as DKIM's d= (a domain) and s= (one or more labels) must be: no room for a `;` or a line break.
const DNS_NAME =
  /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*$/;

/** True for a domain or selector DKIM can name: ASCII DNS labels separated by dots. */
export function isDkimName(value: string): boolean {
  return value.length <= 253 && DNS_NAME.test(value);
}
