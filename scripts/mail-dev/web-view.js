'use strict';
// The catcher's web view: the caught messages as a list, each as a page with its headers, its HTML
// part rendered as a mail client would (in a sandboxed frame, under a strict Content-Security-
// Policy: no script, nothing loaded from the network), its text part, and its raw bytes.
const http = require('node:http');
const { printable } = require('./caught-message');

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text shown in a page: control characters as \xNN, then HTML-escaped. */
function html(text, singleLine = true) {
  return printable(String(text), singleLine).replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

// The catcher's own pages: inline styles, frames of its own origin, nothing else.
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// A message's HTML is the sender's: sandboxed even when opened on its own (no script, no forms, an
// opaque origin), and nothing leaves the machine: remote images, fonts and styles are not fetched.
const MESSAGE_HTML_POLICY =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const STYLE =
  'body{font:15px/1.5 system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse}' +
  'th,td{padding:.25em .8em;text-align:left;vertical-align:top;border-bottom:1px solid #ddd}' +
  'pre{white-space:pre-wrap;font:inherit;background:#f6f6f6;padding:1em}' +
  'iframe{width:100%;height:70vh;border:1px solid #ccc;background:#fff}';

function page(title, body, head = '') {
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${html(title)}</title>${head}<style>${STYLE}</style></head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function header(message, name) {
  return message.headers?.find(([key]) => key === name)?.[1];
}

function listPage(messages) {
  const rows = [...messages].reverse().map((message) => {
    const subject = header(message, 'Subject') || '(no subject)';
    const parts = message.parseError
      ? 'unparsed'
      : [message.html && 'HTML', message.text && 'text'].filter(Boolean).join(' + ');
    return (
      `<tr><td>${message.number}</td><td>${message.receivedAt.toTimeString().slice(0, 8)}</td>` +
      `<td>${html(header(message, 'From') ?? message.mailFrom ?? '')}</td><td>${html(message.rcptTo.join(', '))}</td>` +
      `<td><a href="/messages/${message.number}">${html(subject)}</a></td><td>${parts}</td></tr>`
    );
  });
  const table = rows.length
    ? `<table>\n<tr><th>#</th><th>received</th><th>from</th><th>to</th><th>subject</th><th>parts</th></tr>\n${rows.join('\n')}\n</table>`
    : '<p>No email yet. This page reloads every 5 seconds.</p>';
  return page('mail:dev', `<h1>Caught email</h1>\n${table}`, '<meta http-equiv="refresh" content="5">');
}

function messagePage(message) {
  const envelope = [
    ['Received', message.receivedAt.toString()],
    ['TLS', message.secure ? 'STARTTLS' : 'none (plain SMTP)'],
    ...(message.user ? [['AUTH', `${message.user} (any credentials are accepted)`]] : []),
    ['MAIL FROM', message.mailFrom ?? '<> (null sender)'],
    ['RCPT TO', message.rcptTo.join(', ')],
  ];
  const rows = [...envelope, ...(message.headers ?? [])].map(
    ([name, value]) =>
      `<tr><th>${html(name)}</th><td>${html(value === undefined || value === '' ? '(none)' : value)}</td></tr>`,
  );
  const parts = message.parseError
    ? [`<p>Could not parse this message: ${html(message.parseError)}</p>`]
    : [
        ...(message.html === undefined
          ? []
          : [
              `<h2>HTML part</h2>`,
              `<iframe sandbox src="/messages/${message.number}/html" title="HTML part"></iframe>`,
            ]),
        '<h2>Text part</h2>',
        message.text === undefined
          ? '<p>(no text part)</p>'
          : `<pre>${html(message.text.replace(/\n+$/, ''), false)}</pre>`,
        ...message.attachments.map(
          (attachment) =>
            `<p>Attachment: ${html(attachment.filename ?? '(no name)')} (${html(attachment.contentType)}, ${attachment.size} bytes)</p>`,
        ),
      ];
  const subject = header(message, 'Subject') || '(no subject)';
  return page(
    `${message.number}: ${subject}`,
    [
      `<p><a href="/">All email</a> · <a href="/messages/${message.number}/raw">Raw message</a> (${message.raw.length} bytes)</p>`,
      `<h1>${html(subject)}</h1>`,
      `<table>\n${rows.join('\n')}\n</table>`,
      ...parts,
    ].join('\n'),
  );
}

/** Status, headers and body for `method` and `path`, from the messages caught so far. */
function respond(method, path, messages) {
  if (method !== 'GET' && method !== 'HEAD')
    return [405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }, 'GET only\n'];
  const pageOf = (body) => [
    200,
    { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_POLICY },
    body,
  ];
  if (path === '/') return pageOf(listPage(messages));
  const [, number, part] = /^\/messages\/(\d{1,9})(\/html|\/raw)?$/.exec(path) ?? [];
  const message = number && messages.find((caught) => caught.number === Number(number));
  if (!message || (part === '/html' && message.html === undefined)) {
    return [
      404,
      { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_POLICY },
      page('Not found', '<p>No such message. <a href="/">All email</a></p>'),
    ];
  }
  if (part === '/html')
    return [
      200,
      { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': MESSAGE_HTML_POLICY },
      message.html,
    ];
  if (part === '/raw') return [200, { 'Content-Type': 'text/plain; charset=utf-8' }, message.raw];
  return pageOf(messagePage(message));
}

/**
 * An HTTP server showing `messages` (read at each request); call `listen` on it. Every response
 * is no-store, never sniffed and sends no referrer.
 */
function createWebView(messages) {
  return http.createServer((request, response) => {
    const [status, headers, body] = respond(
      request.method,
      new URL(request.url, 'http://mail-dev.localhost').pathname,
      messages,
    );
    response.writeHead(status, {
      ...headers,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
}

module.exports = { createWebView };
