'use strict';
// The catcher's STARTTLS certificate, so the app can send to it as it sends in production (STARTTLS
// required, the certificate verified): a private CA kept in one directory across runs, so that a
// running app, which read NODE_EXTRA_CA_CERTS once at its start, keeps trusting a restarted
// catcher; and a server certificate for 127.0.0.1 and localhost, signed by it at each start.
const { X509Certificate } = require('node:crypto');
const fs = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { generate } = require('selfsigned');

const CA_YEARS = 10;

/** Where the CA lives: MAIL_DEV_CA_DIR, else one directory in the system's temporary directory. */
function caDirectory(env) {
  return env.MAIL_DEV_CA_DIR || join(tmpdir(), 'solidpoint-mail-dev');
}

/** A new private CA (EC keys: fast), valid until `notAfterDate` (default: a year). */
async function createCertificateAuthority(commonName, notAfterDate) {
  const ca = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ...(notAfterDate ? { notAfterDate } : {}),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  return { key: ca.private, cert: ca.cert };
}

/** A server certificate for 127.0.0.1 and localhost, signed by `ca`. */
async function signLocalhostCertificate(ca) {
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca: { key: ca.key, cert: ca.cert },
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
  return { key: server.private, cert: server.cert };
}

/**
 * The CA in `dir`, created there if missing. A new one is written into a directory of its own
 * and renamed into place, so two catchers starting at once agree on one CA.
 */
async function loadOrCreateCa(dir) {
  if (!fs.existsSync(dir)) {
    const notAfterDate = new Date();
    notAfterDate.setFullYear(notAfterDate.getFullYear() + CA_YEARS);
    const ca = await createCertificateAuthority('mail:dev local CA (SolidPoint development only)', notAfterDate);
    const fresh = fs.mkdtempSync(`${dir}-new-`);
    fs.writeFileSync(join(fresh, 'ca-key.pem'), ca.key, { mode: 0o600 });
    fs.writeFileSync(join(fresh, 'ca.pem'), ca.cert);
    try {
      fs.renameSync(fresh, dir);
    } catch {
      fs.rmSync(fresh, { recursive: true, force: true }); // another catcher was first: use its CA
    }
  }
  const caFile = join(dir, 'ca.pem');
  const ca = { caFile, cert: fs.readFileSync(caFile, 'utf8'), key: fs.readFileSync(join(dir, 'ca-key.pem'), 'utf8') };
  if (new Date(new X509Certificate(ca.cert).validTo) <= new Date())
    throw new Error(`the CA in ${dir} has expired; delete that directory and start again`);
  return ca;
}

/** The CA file to trust (for NODE_EXTRA_CA_CERTS) and the server's key and certificate, signed by it. */
async function catcherCertificates(env) {
  const ca = await loadOrCreateCa(caDirectory(env));
  const server = await signLocalhostCertificate(ca);
  return { caFile: ca.caFile, ...server };
}

// The tests' certificates (test/support/test-certificates.ts) come from the same two functions.
module.exports = { catcherCertificates, createCertificateAuthority, signLocalhostCertificate };
