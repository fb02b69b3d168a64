'use strict';
// A local SMTP catcher for development: `npm run mail:dev [-- <port> [<web-port>]]`. It listens on
// 127.0.0.1 only, accepts every message (plain or after STARTTLS, with any AUTH or none), relays
// nothing, prints each message
// readably (envelope, main headers, the decoded text body, a note of an HTML part and attachments)
// and shows it in a web view, its HTML part rendered as a mail client would.
// Plain CommonJS on the devDependencies smtp-server, mailparser and selfsigned, so it runs right after
// `npm ci`, without a build, and is no part of the app in dist/.
const { Buffer } = require('node:buffer');
const { SMTPServer } = require('smtp-server');
const { catchMessage, printable } = require('./mail-dev/caught-message');
const { catcherCertificates } = require('./mail-dev/certificates');
const { createWebView } = require('./mail-dev/web-view');

const HOST = '127.0.0.1';
const DEFAULT_PORT = 1025;
const DEFAULT_WEB_PORT = 1080;
const SENDER = 'SolidPoint <noreply@solidpoint.localhost>';
// The web view keeps the newest messages only, so a long session does not grow without bound.
const MESSAGES_KEPT = 500;
// How long Ctrl-C waits for a message in transfer before closing the connections left open (the
// app's connection pool keeps idle ones open, and they must not delay the exit).
const CLOSE_TIMEOUT_MS = 1000;
const RULE_WIDTH = 72;
const BODY_RULE = '-'.repeat(RULE_WIDTH);
const USAGE =
  `Usage: npm run mail:dev [-- <port> [<web-port>]]   (or MAIL_DEV_PORT=<port> MAIL_DEV_WEB_PORT=<web-port>;` +
  ` defaults ${DEFAULT_PORT} and ${DEFAULT_WEB_PORT})`;

/** The SMTP and web ports from the arguments, else MAIL_DEV_PORT and MAIL_DEV_WEB_PORT, else the defaults; exits on a bad one. */
function portsFromCommandLine(argv, env) {
  if (argv[0] === '-h' || argv[0] === '--help') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (argv.length > 2) fail(`mail:dev: unexpected argument "${argv[2]}". ${USAGE}`);
  const smtp = port(argv[0] ?? (env.MAIL_DEV_PORT || undefined), DEFAULT_PORT, 'the port');
  const web = port(argv[1] ?? (env.MAIL_DEV_WEB_PORT || undefined), DEFAULT_WEB_PORT, 'the web port');
  if (smtp === web) fail(`mail:dev: the port and the web port must differ; both are ${smtp}. ${USAGE}`);
  return { smtp, web };
}

function port(given, fallback, what) {
  if (given === undefined) return fallback;
  const number = /^\d{1,5}$/.test(given) ? Number(given) : 0;
  if (number >= 1 && number <= 65535) return number;
  fail(`mail:dev: ${what} must be a number from 1 to 65535; got "${given}". ${USAGE}`);
}

/** One line on stderr, exit code 1. */
function fail(line) {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

/** The reason listening failed, as one line an operator can act on. */
function listenFailure(error, port, suggestion) {
  const where = `${HOST}:${port}`;
  if (error.code === 'EADDRINUSE')
    return `mail:dev: port ${port} on ${HOST} is already in use (another mail:dev?); stop it or choose another port: ${suggestion}`;
  if (error.code === 'EACCES')
    return `mail:dev: not allowed to listen on ${where} (ports below 1024 need privileges); choose another port: ${suggestion}`;
  return `mail:dev: cannot listen on ${where}: ${error.message}`;
}

/** What the app needs in `.env` (or its environment) to send here; valid in both as written. */
function envSnippet(port) {
  return [`SMTP_ADDRESS=${HOST}:${port}`, 'SMTP_TLS=none', `SMTP_FROM='${SENDER}'`];
}

function banner(ports, caFile) {
  return [
    `mail:dev: catching email on ${HOST}:${ports.smtp} (plain SMTP or STARTTLS, any AUTH accepted, nothing is delivered anywhere)`,
    `mail:dev: read it at http://${HOST}:${ports.web}/`,
    '',
    'Point the app at it: add these lines to .env in the directory you start the app from',
    '(replacing any SMTP_ADDRESS, SMTP_TLS and SMTP_FROM already there), or set them in its environment:',
    '',
    ...envSnippet(ports.smtp).map((line) => `    ${line}`),
    '',
    'SMTP_USERNAME/SMTP_PASSWORD may stay unset; if set, any value is accepted (with SMTP_TLS=none the',
    'app then warns that credentials cross the network unencrypted).',
    '',
    'To send as in production instead (STARTTLS required, the certificate verified), leave out',
    "SMTP_TLS=none and start the app trusting this catcher's CA (Node reads it from the environment",
    'only, not from .env):',
    '',
    `    NODE_EXTRA_CA_CERTS=${caFile} npm start`,
    '',
    'Waiting for messages. Ctrl-C stops.',
    '',
  ].join('\n');
}

function field(name, value) {
  return `${`${name}:`.padEnd(12)}${value === undefined || value === '' ? '(none)' : printable(String(value), true)}`;
}

/** The printed form of a caught message. */
function describeMessage(message, webUrl) {
  const title = `=== message ${message.number}, received ${message.receivedAt.toTimeString().slice(0, 8)}, ${message.raw.length} bytes `;
  const head = [
    '',
    title.padEnd(RULE_WIDTH, '='),
    field('TLS', message.secure ? 'STARTTLS' : 'none (plain SMTP)'),
    ...(message.user ? [field('AUTH', `${message.user} (any credentials are accepted)`)] : []),
    field('MAIL FROM', message.mailFrom ?? '<> (null sender)'),
    field('RCPT TO', message.rcptTo.join(', ')),
  ];
  if (message.parseError) return [...head, `(could not parse this message: ${message.parseError})`].join('\n');
  const text = message.text === undefined ? '(no text body)' : printable(message.text).replace(/\n+$/, '');
  const notes = [
    ...(message.html === undefined ? [] : [`HTML part: ${message.html.length} characters (shown in the web view)`]),
    ...message.attachments.map(
      (attachment) =>
        `Attachment: ${printable(attachment.filename ?? '(no name)', true)} (${attachment.contentType}, ${attachment.size} bytes)`,
    ),
  ];
  return [
    ...head,
    ...message.headers.map(([name, value]) => field(name, value)),
    field('Web view', `${webUrl}messages/${message.number}`),
    BODY_RULE,
    text,
    BODY_RULE,
    ...notes,
  ].join('\n');
}

function startCatcher(ports, messages, certificates) {
  const webUrl = `http://${HOST}:${ports.web}/`;
  let received = 0;
  const server = new SMTPServer({
    name: 'mail-dev.localhost',
    banner: 'mail:dev catcher, nothing is delivered',
    logger: false,
    disableReverseLookup: true,
    key: certificates.key,
    cert: certificates.cert,
    allowInsecureAuth: true,
    authOptional: true,
    authMethods: ['PLAIN', 'LOGIN'],
    closeTimeout: CLOSE_TIMEOUT_MS,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    onData: (stream, session, callback) => {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        received += 1;
        const number = received;
        catchMessage(number, Buffer.concat(chunks), session)
          .then((message) => {
            messages.push(message);
            if (messages.length > MESSAGES_KEPT) messages.shift();
            process.stdout.write(`${describeMessage(message, webUrl)}\n`);
          })
          .catch((error) => process.stderr.write(`mail:dev: could not show message ${number}: ${error.message}\n`))
          .finally(() => callback());
      });
    },
  });
  server.once('error', (error) => fail(listenFailure(error, ports.smtp, 'npm run mail:dev -- 2525')));
  server.listen(ports.smtp, HOST, () => {
    server.removeAllListeners('error');
    // A client that misbehaves (resets mid-message, sends garbage) must not stop the catcher.
    server.on('error', (error) =>
      process.stderr.write(`mail:dev: a client connection failed (still catching): ${error.message}\n`),
    );
    process.stdout.write(banner(ports, certificates.caFile));
  });
  return server;
}

/** Listens for the web view first, then for SMTP: the banner appears once both are ready. */
async function start(ports) {
  const certificates = await catcherCertificates(process.env).catch((error) =>
    fail(`mail:dev: cannot prepare its STARTTLS certificate: ${error.message}`),
  );
  const messages = [];
  const web = createWebView(messages);
  web.once('error', (error) => fail(listenFailure(error, ports.web, `npm run mail:dev -- ${ports.smtp} 8025`)));
  web.listen(ports.web, HOST, () => stopOnSignals(startCatcher(ports, messages, certificates), web));
}

function stopOnSignals(smtp, web) {
  let stopping = false;
  const stop = (signal) => {
    if (stopping) process.exit(0);
    stopping = true;
    process.stdout.write(`mail:dev: ${signal}, stopping\n`);
    web.closeAllConnections();
    web.close();
    smtp.close(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void start(portsFromCommandLine(process.argv.slice(2), process.env));
