'use strict';
// A local SMTP catcher for development: `npm run mail:dev [-- <port>]`. It listens on 127.0.0.1
// only, accepts every message (and any AUTH), relays nothing, and prints each message readably:
// envelope, main headers, the decoded text body, and a note of an HTML part and attachments.
// Plain CommonJS on the devDependencies smtp-server and mailparser, so it runs right after
// `npm ci`, without a build, and is no part of the app in dist/.
const { Buffer } = require('node:buffer');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const HOST = '127.0.0.1';
const DEFAULT_PORT = 1025;
const SENDER = 'SolidPoint <noreply@solidpoint.localhost>';
// How long Ctrl-C waits for a message in transfer before closing the connections left open (the
// app's connection pool keeps idle ones open, and they must not delay the exit).
const CLOSE_TIMEOUT_MS = 1000;
const RULE_WIDTH = 72;
const BODY_RULE = '-'.repeat(RULE_WIDTH);
const USAGE = `Usage: npm run mail:dev [-- <port>]   (or MAIL_DEV_PORT=<port>; default ${DEFAULT_PORT})`;

/** The port from the first argument, else MAIL_DEV_PORT, else the default; exits on a bad one. */
function portFromCommandLine(argv, env) {
  const given = argv[0] ?? (env.MAIL_DEV_PORT || undefined);
  if (given === '-h' || given === '--help') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (given === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(given) ? Number(given) : 0;
  if (port >= 1 && port <= 65535) return port;
  fail(`mail:dev: the port must be a number from 1 to 65535; got "${given}". ${USAGE}`);
}

/** One line on stderr, exit code 1. */
function fail(line) {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

/** The reason listening failed, as one line an operator can act on. */
function listenFailure(error, port) {
  const where = `${HOST}:${port}`;
  if (error.code === 'EADDRINUSE')
    return `mail:dev: port ${port} on ${HOST} is already in use (another mail:dev?); stop it or choose another port: npm run mail:dev -- 2525`;
  if (error.code === 'EACCES')
    return `mail:dev: not allowed to listen on ${where} (ports below 1024 need privileges); choose another port: npm run mail:dev -- 2525`;
  return `mail:dev: cannot listen on ${where}: ${error.message}`;
}

/** What the app needs in `.env` (or its environment) to send here; valid in both as written. */
function envSnippet(port) {
  return [`SMTP_ADDRESS=${HOST}:${port}`, 'SMTP_TLS=none', `SMTP_FROM='${SENDER}'`];
}

function banner(port) {
  return [
    `mail:dev: catching email on ${HOST}:${port} (plain SMTP, any AUTH accepted, nothing is delivered anywhere)`,
    '',
    'Point the app at it: add these lines to .env in the directory you start the app from',
    '(replacing any SMTP_ADDRESS, SMTP_TLS and SMTP_FROM already there), or set them in its environment:',
    '',
    ...envSnippet(port).map((line) => `    ${line}`),
    '',
    'SMTP_TLS=none is needed: on any port but 25 the app otherwise requires STARTTLS, which this catcher',
    'does not offer. SMTP_USERNAME/SMTP_PASSWORD may stay unset; if set, any value is accepted (the app',
    'then warns that credentials cross the network unencrypted).',
    '',
    'Waiting for messages. Ctrl-C stops.',
    '',
  ].join('\n');
}

/**
 * Makes text from a message safe to print: control characters (an ANSI escape in a subject, a NUL)
 * are shown as \xNN instead of acting on the terminal. Newlines and tabs are kept unless
 * `singleLine`.
 */
function printable(text, singleLine = false) {
  const control = singleLine ? /\p{Cc}/gu : /(?![\n\t])\p{Cc}/gu;
  return text
    .replace(/\r\n?/g, '\n')
    .replace(control, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A header's value as it was sent, unfolded (used for Date, where parsing would change it). */
function rawHeader(parsed, key) {
  const line = parsed.headerLines.find((header) => header.key === key)?.line;
  return line === undefined
    ? undefined
    : line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim();
}

/** Decoded addresses as a person writes them: `Name <address>`, without mailparser's quoting. */
function addressText(addresses) {
  if (addresses === undefined) return undefined;
  const mailbox = (entry) => (entry.name ? `${entry.name} <${entry.address}>` : entry.address);
  const entry = (item) => (item.group ? `${item.name}: ${item.group.map(mailbox).join(', ')};` : mailbox(item));
  return (Array.isArray(addresses) ? addresses : [addresses])
    .flatMap((header) => header.value)
    .map(entry)
    .join(', ');
}

function field(name, value) {
  return `${`${name}:`.padEnd(12)}${value === undefined || value === '' ? '(none)' : printable(String(value), true)}`;
}

/** The envelope as the server saw it: who connected as whom, MAIL FROM and RCPT TO. */
function envelopeLines(session) {
  const { mailFrom, rcptTo } = session.envelope;
  return [
    ...(session.user ? [field('AUTH', `${session.user} (any credentials are accepted)`)] : []),
    field('MAIL FROM', mailFrom && mailFrom.address ? mailFrom.address : '<> (null sender)'),
    field('RCPT TO', rcptTo.map((recipient) => recipient.address).join(', ')),
  ];
}

function headerLines(parsed) {
  return [
    field('Date', rawHeader(parsed, 'date')),
    field('From', addressText(parsed.from)),
    field('To', addressText(parsed.to)),
    ...(parsed.cc ? [field('Cc', addressText(parsed.cc))] : []),
    ...(parsed.replyTo ? [field('Reply-To', addressText(parsed.replyTo))] : []),
    field('Subject', parsed.subject),
    field('Message-ID', parsed.messageId),
  ];
}

function bodyLines(parsed) {
  const text = typeof parsed.text !== 'string' ? '(no text body)' : printable(parsed.text).replace(/\n+$/, '');
  const notes = [];
  if (typeof parsed.html === 'string') notes.push(`HTML part: ${parsed.html.length} characters (not shown)`);
  for (const attachment of parsed.attachments) {
    notes.push(
      `Attachment: ${printable(attachment.filename ?? '(no name)', true)} (${attachment.contentType}, ${attachment.size} bytes)`,
    );
  }
  return [BODY_RULE, text, BODY_RULE, ...notes];
}

/** The printed form of one received message. */
async function describeMessage(number, raw, session) {
  const title = `=== message ${number}, received ${new Date().toTimeString().slice(0, 8)}, ${raw.length} bytes `;
  const head = ['', title.padEnd(RULE_WIDTH, '='), ...envelopeLines(session)];
  try {
    const parsed = await simpleParser(raw);
    return [...head, ...headerLines(parsed), ...bodyLines(parsed)].join('\n');
  } catch (error) {
    return [...head, `(could not parse this message: ${error.message})`].join('\n');
  }
}

function startCatcher(port) {
  let received = 0;
  const server = new SMTPServer({
    name: 'mail-dev.localhost',
    banner: 'mail:dev catcher, nothing is delivered',
    logger: false,
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS'],
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
        describeMessage(number, Buffer.concat(chunks), session)
          .then((text) => process.stdout.write(`${text}\n`))
          .catch((error) => process.stderr.write(`mail:dev: could not print message ${number}: ${error.message}\n`))
          .finally(() => callback());
      });
    },
  });

  server.once('error', (error) => fail(listenFailure(error, port)));
  server.listen(port, HOST, () => {
    server.removeAllListeners('error');
    // A client that misbehaves (resets mid-message, sends garbage) must not stop the catcher.
    server.on('error', (error) =>
      process.stderr.write(`mail:dev: a client connection failed (still catching): ${error.message}\n`),
    );
    process.stdout.write(banner(port));
  });
  return server;
}

function stopOnSignals(server) {
  let stopping = false;
  const stop = (signal) => {
    if (stopping) process.exit(0);
    stopping = true;
    process.stdout.write(`mail:dev: ${signal}, stopping\n`);
    server.close(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

stopOnSignals(startCatcher(portFromCommandLine(process.argv.slice(2), process.env)));
