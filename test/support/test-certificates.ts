import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCertificateAuthority, signLocalhostCertificate } from '../../scripts/mail-dev/certificates';

/** A private CA and a server certificate it signed, for 127.0.0.1 and localhost. */
export interface TestCertificates {
  /** PEM file of the CA, for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  caPem: string;
  serverKey: string;
  serverCert: string;
}

/** Generates a fresh private CA and server certificate, as `npm run mail:dev` does. */
export async function generateTestCertificates(): Promise<TestCertificates> {
  const ca = await createCertificateAuthority('SolidPoint Test CA');
  const server = await signLocalhostCertificate(ca);
  const caFile = join(mkdtempSync(join(tmpdir(), 'smtp-test-ca-')), 'ca.pem');
  writeFileSync(caFile, ca.cert);
  return { caFile, caPem: ca.cert, serverKey: server.key, serverCert: server.cert };
}
