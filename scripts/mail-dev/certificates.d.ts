// Types of the two functions test/support/test-certificates.ts uses (the catcher is plain CommonJS).

/** A private key and a certificate, in PEM. */
export interface KeyAndCertificate {
  key: string;
  cert: string;
}

/** A new private CA (EC keys: fast), valid until `notAfterDate` (default: a year). */
export function createCertificateAuthority(commonName: string, notAfterDate?: Date): Promise<KeyAndCertificate>;

/** A server certificate for 127.0.0.1 and localhost, signed by `ca`. */
export function signLocalhostCertificate(ca: KeyAndCertificate): Promise<KeyAndCertificate>;
