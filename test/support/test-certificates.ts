import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** A private CA and a server certificate it signed, for 127.0.0.1 and localhost. */
export interface TestCertificates {
  /** PEM file of the CA, for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  caPem: string;
  serverKey: string;
  serverCert: string;
}

/** Generates a fresh private CA and server certificate (EC keys: fast). */
export async function generateTestCertificates(): Promise<TestCertificates> {
  const ca = await generate([{ name: 'commonName', value: 'SolidPoint Test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  const caFile = join(mkdtempSync(join(tmpdir(), 'smtp-test-ca-')), 'ca.pem');
  writeFileSync(caFile, ca.cert);
  return { caFile, caPem: ca.cert, serverKey: server.private, serverCert: server.cert };
}
