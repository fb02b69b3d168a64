'use strict';
// One message the catcher received, parsed once into what both of its views show: the terminal
// printout and the web view.
const { simpleParser } = require('mailparser');

/**
 * Makes text from a message safe to show: control characters (an ANSI escape in a subject, a NUL)
 * are shown as \xNN instead of acting on a terminal or a page. Newlines and tabs are kept unless
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

/** The main headers, decoded, as [name, value] pairs in the order they are shown; Cc and Reply-To only when present. */
function mainHeaders(parsed) {
  return [
    ['Date', rawHeader(parsed, 'date')],
    ['From', addressText(parsed.from)],
    ['To', addressText(parsed.to)],
    ...(parsed.cc ? [['Cc', addressText(parsed.cc)]] : []),
    ...(parsed.replyTo ? [['Reply-To', addressText(parsed.replyTo)]] : []),
    ['Subject', parsed.subject],
    ['Message-ID', parsed.messageId],
  ];
}

/**
 * The message numbered `number`, as received in `session`: its envelope, raw bytes, and, unless it
 * could not be parsed (`parseError`), its main headers, text and HTML parts and attachments.
 */
async function catchMessage(number, raw, session) {
  const { mailFrom, rcptTo } = session.envelope;
  const caught = {
    number,
    receivedAt: new Date(),
    raw,
    user: session.user,
    secure: session.secure,
    mailFrom: mailFrom && mailFrom.address ? mailFrom.address : undefined,
    rcptTo: rcptTo.map((recipient) => recipient.address),
  };
  try {
    const parsed = await simpleParser(raw);
    return Object.assign(caught, {
      headers: mainHeaders(parsed),
      text: typeof parsed.text === 'string' ? parsed.text : undefined,
      html: typeof parsed.html === 'string' ? parsed.html : undefined,
      attachments: parsed.attachments.map(({ filename, contentType, size }) => ({ filename, contentType, size })),
    });
  } catch (error) {
    return Object.assign(caught, { parseError: error.message });
  }
}

module.exports = { catchMessage, printable };
