import { createServer, type Server, connect } from 'node:net';
import { once } from 'node:events';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import request from 'supertest';
import { AppProcess } from './support/app-process';
import { freePort } from './support/free-port';
import { MailDevProcess, newCaDirectory } from './support/mail-dev-process';
import { register } from './support/registration';
import { SMTP_LOGGER_NAME } from '@solidpoint/nestjs-smtp';

const REGISTRATION_BODY = [
  'Ivan, welcome to SolidPoint',
  '',
  'Please wait until your organization\u2019s administrator activates your account.',
  '',
  'You are receiving this email because your email address was used to register for the SolidPoint dashboard. ' +
    'If this was not you, please ignore this message.',
].join('\n');

/** Sends `raw` as one message to the catcher, as any SMTP client would. */
async function sendRaw(port: number, raw: string): Promise<void> {
  const transport = createTransport({ host: '127.0.0.1', port, ignoreTLS: true });
  try {
    await transport.sendMail({ envelope: { from: 'dev@solidpoint.test', to: ['inbox@solidpoint.test'] }, raw });
  } finally {
    transport.close();
  }
}

describe('npm run mail:dev, with the built app started from the .env lines it prints', () => {
  let catcher: MailDevProcess;
  let app: AppProcess;

  beforeAll(async () => {
    catcher = await MailDevProcess.start(await freePort());
    app = await AppProcess.start({}, { envFile: `${catcher.envLines().join('\n')}\n` });
  });

  afterAll(async () => {
    await app.stop();
    await catcher.stop();
  });

  it('prints .env lines for plain SMTP to its port, with a sender and no credentials', () => {
    expect(catcher.envLines()).toEqual([
      `SMTP_ADDRESS=127.0.0.1:${catcher.port}`,
      'SMTP_TLS=none',
      "SMTP_FROM='SolidPoint <noreply@solidpoint.localhost>'",
    ]);
  });

  it('is accepted by the app, whose connection check passes', async () => {
    await app.waitFor((line) => line.msg === 'SMTP connection check passed');
    expect(app.logsOf(SMTP_LOGGER_NAME)).toEqual([
      expect.objectContaining({ msg: 'SMTP client enabled', port: catcher.port, security: 'none' }),
      expect.objectContaining({ msg: 'SMTP connection check passed', authenticated: false }),
    ]);
  });

  it('shows the registration email with its envelope and headers', async () => {
    await register(app.url, 'ivanov.ivan@solidlab.test').expect(201);
    const message = await catcher.message(1);
    expect(message).toContain('\nTLS:        none (plain SMTP)\n');
    expect(message).toContain('\nMAIL FROM:  noreply@solidpoint.localhost\n');
    expect(message).toContain('\nRCPT TO:    ivanov.ivan@solidlab.test\n');
    expect(message).toMatch(/\nDate: {7}\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}\n/);
    expect(message).toContain('\nFrom:       SolidPoint <noreply@solidpoint.localhost>\n');
    expect(message).toContain('\nTo:         ivanov.ivan@solidlab.test\n');
    expect(message).toContain('\nSubject:    Registration for SolidPoint\n');
    expect(message).toMatch(/\nMessage-ID: <[^@\s]+@solidpoint\.localhost>\n/);
  });

  it('shows the body decoded from quoted-printable, with no HTML part or attachment to note', async () => {
    const message = await catcher.message(1);
    expect(message).toContain(`\n${'-'.repeat(72)}\n${REGISTRATION_BODY}\n${'-'.repeat(72)}\n`);
    expect(message).not.toContain('=E2=80=99');
    expect(message).not.toMatch(/HTML part|Attachment/);
  });

  it('numbers each message and decodes a Cyrillic name', async () => {
    await register(app.url, 'ivan.cyrillic@solidlab.test', { firstName: 'Иван' }).expect(201);
    const message = await catcher.message(2);
    expect(message).toMatch(/^=== message 2, received \d{2}:\d{2}:\d{2}, \d+ bytes =+\n/);
    expect(message).toContain('\nИван, welcome to SolidPoint\n');
  });

  it('prints where its web view shows each message', async () => {
    const message = await catcher.message(1);
    expect(message).toContain(`\nWeb view:   ${catcher.webUrl}/messages/1\n`);
  });

  it('lists the emails in its web view, newest first, each linked to its page', async () => {
    await catcher.message(2);
    const list = await request(catcher.webUrl).get('/').expect(200).expect('Content-Type', 'text/html; charset=utf-8');
    const second = list.text.indexOf('<a href="/messages/2">Registration for SolidPoint</a>');
    expect(second).toBeGreaterThan(-1);
    expect(list.text.indexOf('<a href="/messages/1">Registration for SolidPoint</a>')).toBeGreaterThan(second);
  });

  it("shows a text-only email's envelope, headers and decoded text on its page, with no HTML frame", async () => {
    const page = await request(catcher.webUrl).get('/messages/1').expect(200);
    expect(page.text).toContain('<tr><th>RCPT TO</th><td>ivanov.ivan@solidlab.test</td></tr>');
    expect(page.text).toContain('<tr><th>From</th><td>SolidPoint &lt;noreply@solidpoint.localhost&gt;</td></tr>');
    expect(page.text).toContain('<h1>Registration for SolidPoint</h1>');
    expect(page.text).toContain(`<pre>${REGISTRATION_BODY}</pre>`);
    expect(page.text).not.toContain('<iframe');
  });
});

describe('npm run mail:dev when the .env also keeps SMTP_USERNAME and SMTP_PASSWORD', () => {
  let catcher: MailDevProcess;
  let app: AppProcess;

  beforeAll(async () => {
    catcher = await MailDevProcess.start(await freePort());
    const envFile = [...catcher.envLines(), 'SMTP_USERNAME=developer', 'SMTP_PASSWORD=any-password', ''].join('\n');
    app = await AppProcess.start({}, { envFile });
  });

  afterAll(async () => {
    await app.stop();
    await catcher.stop();
  });

  it('accepts the credentials, so the app warns they cross in clear but sends', async () => {
    await register(app.url, 'ivanov.ivan@solidlab.test').expect(201);
    const message = await catcher.message(1);
    expect(message).toContain('\nAUTH:       developer (any credentials are accepted)\n');
    expect(message).toContain('\nSubject:    Registration for SolidPoint\n');
    expect(app.logsOf(SMTP_LOGGER_NAME)).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: expect.stringContaining('cross the network unencrypted') }),
    );
  });
});

describe('npm run mail:dev with the app sending as in production: STARTTLS required, with AUTH', () => {
  const caDir = newCaDirectory();
  let port: number;
  let catcher: MailDevProcess;
  let app: AppProcess;

  beforeAll(async () => {
    port = await freePort();
    catcher = await MailDevProcess.start(port, { caDir });
    const envLines = catcher.envLines().filter((line) => line !== 'SMTP_TLS=none');
    const envFile = [...envLines, 'SMTP_USERNAME=developer', 'SMTP_PASSWORD=any-password', ''].join('\n');
    app = await AppProcess.start({ NODE_EXTRA_CA_CERTS: catcher.caFile() }, { envFile });
  });

  afterAll(async () => {
    await app.stop();
    await catcher.stop();
  });

  it('prints the CA file to trust, inside the CA directory', () => {
    expect(catcher.caFile()).toBe(join(caDir, 'ca.pem'));
  });

  it("is verified by the app over STARTTLS, with the app's credentials accepted and no cleartext warning", async () => {
    await app.waitFor((line) => line.msg === 'SMTP connection check passed');
    expect(app.logsOf(SMTP_LOGGER_NAME)).toEqual([
      expect.objectContaining({ msg: 'SMTP client enabled', port, security: 'starttls', username: 'developer' }),
      expect.objectContaining({ msg: 'SMTP connection check passed', authenticated: true }),
    ]);
  });

  it('shows the registration email as received over STARTTLS after AUTH', async () => {
    await register(app.url, 'ivanov.ivan@solidlab.test').expect(201);
    const message = await catcher.message(1);
    expect(message).toContain('\nTLS:        STARTTLS\n');
    expect(message).toContain('\nAUTH:       developer (any credentials are accepted)\n');
    expect(message).toContain('\nSubject:    Registration for SolidPoint\n');
  });

  it('is still trusted by the running app when restarted, since it keeps its CA', async () => {
    await catcher.stop();
    catcher = await MailDevProcess.start(port, { caDir });
    await register(app.url, 'anna.petrova@solidlab.test', { firstName: 'Anna' }).expect(201);
    const message = await catcher.message(1);
    expect(message).toContain('\nTLS:        STARTTLS\n');
    expect(message).toContain('\nAnna, welcome to SolidPoint\n');
  });
});

describe('npm run mail:dev given messages no app would send', () => {
  let catcher: MailDevProcess;

  beforeAll(async () => {
    catcher = await MailDevProcess.start(await freePort());
  });

  afterAll(async () => {
    await catcher.stop();
  });

  it('keeps catching after a client breaks off in the middle of a message', async () => {
    const socket = connect(catcher.port, '127.0.0.1');
    socket.setEncoding('utf8');
    let replies = '';
    socket.on('data', (chunk: string) => (replies += chunk));
    const reply = async (code: string) => {
      while (!replies.includes(`\n${code} `) && !replies.startsWith(`${code} `)) await once(socket, 'data');
    };
    await reply('220');
    socket.write('EHLO broken.test\r\nMAIL FROM:<a@solidpoint.test>\r\nRCPT TO:<b@solidpoint.test>\r\nDATA\r\n');
    await reply('354');
    await new Promise((resolve) => socket.write('Subject: half\r\n\r\nhalf a mess', resolve));
    socket.resetAndDestroy();

    await sendRaw(catcher.port, 'Subject: after the broken one\r\n\r\nstill here\r\n');
    const message = await catcher.message(1);
    expect(message).toContain('\nSubject:    after the broken one\n');
    expect(catcher.running).toBe(true);
  });

  it('shows control characters in a header as \\xNN instead of passing them to the terminal', async () => {
    await sendRaw(catcher.port, 'Subject: \x1b[31mred\x1b[0m\r\n\r\nbody\r\n');
    const message = await catcher.message(2);
    expect(message).toContain('\nSubject:    \\x1b[31mred\\x1b[0m\n');
    expect(message).not.toContain('\x1b');
  });

  it('notes an HTML part and an attachment it does not print', async () => {
    await sendRaw(
      catcher.port,
      [
        'Subject: with parts',
        'Content-Type: multipart/mixed; boundary=b',
        '',
        '--b',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Hello <b>there</b></p>',
        '--b',
        'Content-Type: application/pdf',
        'Content-Disposition: attachment; filename=report.pdf',
        'Content-Transfer-Encoding: base64',
        '',
        'JVBERi0xLjQK',
        '--b--',
        '',
      ].join('\r\n'),
    );
    const message = await catcher.message(3);
    expect(message).toContain('\nHTML part: 25 characters (shown in the web view)\n');
    expect(message).toContain('\nAttachment: report.pdf (application/pdf, 9 bytes)\n');
  });
});

describe('the web view of npm run mail:dev, given an HTML email that tries what a hostile one would', () => {
  const HOSTILE_HTML =
    '<p onclick="x()">Hello <b>there</b></p><script>parent.document.title="pwned"</script>' +
    '<img src="https://tracker.invalid/pixel.png">';
  let catcher: MailDevProcess;

  beforeAll(async () => {
    catcher = await MailDevProcess.start(await freePort());
    await sendRaw(
      catcher.port,
      [
        'From: SolidPoint <noreply@solidpoint.test>',
        'Subject: <script>alert(1)</script> \x1b[31mred',
        'Content-Type: multipart/alternative; boundary=b',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Hello there <b>not bold</b>',
        '--b',
        'Content-Type: text/html; charset=utf-8',
        '',
        HOSTILE_HTML,
        '--b--',
        '',
      ].join('\r\n'),
    );
    await catcher.message(1);
  });

  afterAll(async () => {
    await catcher.stop();
  });

  it('renders the HTML part in a frame sandboxed without any permission', async () => {
    const page = await request(catcher.webUrl).get('/messages/1').expect(200);
    expect(page.text).toContain('<iframe sandbox src="/messages/1/html" title="HTML part"></iframe>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('serves the HTML part as sent, under a policy that forbids script and any remote load', async () => {
    const part = await request(catcher.webUrl)
      .get('/messages/1/html')
      .expect(200)
      .expect('Content-Type', 'text/html; charset=utf-8');
    expect(part.text).toBe(HOSTILE_HTML);
    const policy = part.headers['content-security-policy'].split('; ');
    expect(policy).toEqual(expect.arrayContaining(['sandbox', "default-src 'none'", 'img-src data:']));
    expect(policy.join(' ')).not.toMatch(/script-src|unsafe-eval|https?:|\*/);
    expect(part.headers['x-content-type-options']).toBe('nosniff');
  });

  it('shows the text part beside it, escaped', async () => {
    const page = await request(catcher.webUrl).get('/messages/1').expect(200);
    expect(page.text).toContain('<h2>Text part</h2>\n<pre>Hello there &lt;b&gt;not bold&lt;/b&gt;</pre>');
  });

  it('escapes the subject on the list and the page, and shows its control characters as \\xNN', async () => {
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; \\x1b[31mred';
    const list = await request(catcher.webUrl).get('/').expect(200);
    const page = await request(catcher.webUrl).get('/messages/1').expect(200);
    expect(list.text).toContain(`<a href="/messages/1">${escaped}</a>`);
    expect(page.text).toContain(`<h1>${escaped}</h1>`);
    for (const text of [list.text, page.text]) {
      expect(text).not.toContain('<script>');
      expect(text).not.toContain('\x1b');
    }
  });

  it('serves the raw message as plain text', async () => {
    const raw = await request(catcher.webUrl)
      .get('/messages/1/raw')
      .expect(200)
      .expect('Content-Type', 'text/plain; charset=utf-8');
    expect(raw.text).toMatch(/^From: SolidPoint <noreply@solidpoint.test>\r\nSubject: <script>/);
  });

  it.each(['/messages/2', '/messages/1/text', '/messages/x', '/other'])('answers 404 for %s', async (path) => {
    await request(catcher.webUrl).get(path).expect(404);
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    await request(catcher.webUrl).post('/').send('x').expect(405).expect('Allow', 'GET, HEAD');
  });
});

describe('npm run mail:dev when stopped', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'exits 0 on %s within 2 s, even while a client keeps a connection open',
    async (signal) => {
      const catcher = await MailDevProcess.start(await freePort());
      const idleClient = connect(catcher.port, '127.0.0.1');
      await once(idleClient, 'data');
      const started = Date.now();
      try {
        expect(await catcher.stop(signal)).toEqual({ code: 0, signal: null });
        expect(Date.now() - started).toBeLessThan(2000);
        expect(catcher.stdout).toContain(`mail:dev: ${signal}, stopping\n`);
      } finally {
        idleClient.destroy();
        await catcher.stop('SIGKILL');
      }
    },
  );
});

describe('npm run mail:dev when its port is taken', () => {
  let blocker: Server;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  });

  it('exits 1 with one line naming the port when it is asked to serve its web view there', async () => {
    const catcher = await MailDevProcess.runToExit(await freePort(), port);
    expect(catcher.status).toEqual({ code: 1, signal: null });
    expect(catcher.stderr).toMatch(
      new RegExp(
        `^mail:dev: port ${port} on 127\\.0\\.0\\.1 is already in use \\(another mail:dev\\?\\); stop it or choose another port: npm run mail:dev -- \\d+ 8025\n$`,
      ),
    );
    expect(catcher.stdout).toBe('');
  });

  it('exits 1 with one line on stderr naming the port, and prints no .env lines', async () => {
    const catcher = await MailDevProcess.runToExit(port, await freePort());
    expect(catcher.status).toEqual({ code: 1, signal: null });
    expect(catcher.stderr).toBe(
      `mail:dev: port ${port} on 127.0.0.1 is already in use (another mail:dev?); ` +
        'stop it or choose another port: npm run mail:dev -- 2525\n',
    );
    expect(catcher.stdout).toBe('');
  });
});
