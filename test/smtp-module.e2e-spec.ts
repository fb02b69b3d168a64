import { SmtpSendError, SMTP_LOGGER_NAME } from '@solidpoint/nestjs-smtp';
import { embedSmtpModule as embed } from './support/embedded-smtp-module';
import { SmtpTestServer } from './support/smtp-test-server';

describe('SmtpModule.forRootAsync when SMTP is disabled', () => {
  it('provides a client that sends nothing and logs nothing', async () => {
    const { smtp, logs, close } = await embed({ enabled: false });
    await expect(smtp.send({ to: 'ivan@solidlab.test', subject: 'Hi', text: 'Hello' })).resolves.toEqual({
      sent: false,
      messageId: '',
      accepted: [],
      rejected: [],
      response: '',
    });
    await expect(smtp.verify()).resolves.toBeUndefined();
    await close();
    expect(logs.of(SMTP_LOGGER_NAME)).toEqual([]);
  });
});

describe('SmtpModule.forRootAsync with a plain SMTP relay', () => {
  let server: SmtpTestServer;
  let embedded: Awaited<ReturnType<typeof embed>>;

  beforeAll(async () => {
    server = await SmtpTestServer.start({ unknownRecipients: ['ghost@solidlab.test'] });
    embedded = await embed({
      enabled: true,
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      from: 'SolidPoint <noreply@solidpoint.test>',
    });
  });

  afterAll(async () => {
    await embedded.close();
    await server.close();
  });

  it('sends text and html, from the default sender with its display name', async () => {
    const result = await embedded.smtp.send({
      to: ['a@solidlab.test', 'b@solidlab.test'],
      subject: 'Both',
      text: 'Plain',
      html: '<p>Rich</p>',
    });
    const [mail] = await server.waitForMessages(1);
    expect(mail).toMatchObject({ from: 'noreply@solidpoint.test', to: ['a@solidlab.test', 'b@solidlab.test'] });
    const raw = mail.raw.toString();
    expect(raw).toContain('From: SolidPoint <noreply@solidpoint.test>\r\n');
    expect(raw).toContain('multipart/alternative');
    expect(raw).toContain('<p>Rich</p>');
    expect(result).toEqual({
      sent: true,
      messageId: expect.stringMatching(/^<[0-9a-f-]{36}@solidpoint\.test>$/),
      accepted: ['a@solidlab.test', 'b@solidlab.test'],
      rejected: [],
      response: expect.stringMatching(/^250 /),
    });
    expect(raw).toContain(`Message-ID: ${result.messageId}\r\n`);
  });

  it('resolves with the refused recipients when the server accepts only some', async () => {
    const result = await embedded.smtp.send({
      to: ['a@solidlab.test', 'ghost@solidlab.test'],
      subject: 'Hi',
      text: 'x',
    });
    expect(result).toMatchObject({ sent: true, accepted: ['a@solidlab.test'], rejected: ['ghost@solidlab.test'] });
    expect(server.received.at(-1)?.to).toEqual(['a@solidlab.test']);
  });

  it('verifies the connection without sending', async () => {
    const before = server.received.length;
    await expect(embedded.smtp.verify()).resolves.toBeUndefined();
    expect(server.received).toHaveLength(before);
  });

  it('sends many messages over a pool of reused connections', async () => {
    const before = { connections: server.connections, received: server.received.length };
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        embedded.smtp.send({ to: `bulk${i}@solidlab.test`, subject: 'Bulk', text: 'x' }),
      ),
    );
    expect(server.received.length - before.received).toBe(30);
    // The pool holds at most 5 connections; they may already be open from earlier sends.
    expect(server.connections - before.connections).toBeLessThanOrEqual(5);
  });

  it('rejects with a permanent SmtpSendError carrying the 550 reply, and logs it', async () => {
    const sent = embedded.smtp.send({ to: 'ghost@solidlab.test', subject: 'Hi', text: 'Hello' });
    await expect(sent).rejects.toBeInstanceOf(SmtpSendError);
    await expect(sent).rejects.toMatchObject({
      message: expect.stringMatching(/^550 5\.1\.1 Mailbox does not exist/),
      responseCode: 550,
      enhancedStatus: '5.1.1',
      permanent: true,
    });
    // The host app's own pino settings apply: here pino's default numeric levels (50 = error).
    expect(embedded.logs.of(SMTP_LOGGER_NAME).at(-1)).toMatchObject({
      level: 50,
      msg: 'Failed to send email',
      error: expect.stringMatching(/^550 5\.1\.1 Mailbox does not exist/),
    });
  });

  it('refuses a subject that would inject a header, sends nothing and logs why', async () => {
    const before = server.received.length;
    const sent = embedded.smtp.send({ to: 'a@solidlab.test', subject: 'Hi\r\nBcc: victim@solidlab.test', text: 'x' });
    await expect(sent).rejects.toMatchObject({
      message: 'Invalid message: "subject" contains a control character',
      permanent: true,
    });
    expect(embedded.logs.of(SMTP_LOGGER_NAME).at(-1)).toMatchObject({ level: 50, msg: 'Failed to send email' });
    expect(server.received).toHaveLength(before);
  });
});

describe('SmtpModule.forRoot with an unusable sender', () => {
  it('fails at startup, naming the option', async () => {
    await expect(
      embed({ enabled: true, host: '127.0.0.1', port: 25, security: 'none', from: 'not an address' }),
    ).rejects.toThrow('SmtpModule option "from" must be an email address');
  });
});
