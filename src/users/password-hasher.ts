import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';

// One of OWASP's equivalent scrypt minimums (N=2^14, r=8, p=5): 16 MiB per hash and about
// 180 ms on one core here, against 650 ms for N=2^17, p=1, which is memory-bound on this size.
const SCRYPT_PARAMS = { N: 2 ** 14, r: 8, p: 5, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/**
 * Hashes a password with scrypt and a random salt, on libuv's thread pool (off the event loop).
 * Result: `scrypt$N$r$p$<salt base64>$<key base64>`, so parameters can change later.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, SCRYPT_PARAMS, (error, derived) =>
      error ? reject(error) : resolve(derived),
    ),
  );
  const { N, r, p } = SCRYPT_PARAMS;
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}
