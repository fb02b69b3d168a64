import { generateKeyPairSync } from 'node:crypto';
import { dkimVerify, type DkimResult } from 'mailauth/lib/dkim/verify';

/** A DKIM key pair: the private key as PEM, the public one as its DNS TXT record. */
export interface DkimTestKey {
  privateKey: string;
  txtRecord: string;
}

/** A fresh RSA (2048 bits) or Ed25519 key pair. */
export function generateDkimKey(type: 'rsa' | 'ed25519'): DkimTestKey {
  if (type === 'rsa') {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    return {
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      txtRecord: `v=DKIM1; k=rsa; p=${spki}`,
    };
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  // RFC 8463: the TXT record holds the bare 32-byte key, the end of its SPKI encoding.
  const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    txtRecord: `v=DKIM1; k=ed25519; p=${raw}`,
  };
}

/**
 * The DKIM verdicts of the `mailauth` package (an independent implementation) on `message`, its
 * DNS lookups answered from `records` (`<selector>._domainkey.<domain>` → TXT) instead of the network.
 */
export async function verifyDkim(message: Buffer | string, records: Record<string, string>): Promise<DkimResult[]> {
  const resolver = (name: string, type: string): Promise<string[][]> => {
    const record = type === 'TXT' ? records[name] : undefined;
    if (record === undefined)
      return Promise.reject(Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' }));
    return Promise.resolve([[record]]);
  };
  const { results } = await dkimVerify(Buffer.from(message), { resolver });
  return results;
}
