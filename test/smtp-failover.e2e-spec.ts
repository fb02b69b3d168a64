import request from 'supertest';
import { SMTP_LOGGER_NAME, type SmtpEnabledOptions } from '@solidpoint/nestjs-smtp';
import { embedSmtpModule } from './support/embedded-smtp-module';
import { freePort } from './support/free-port';
import { SmtpTestServer } from './support/smtp-test-server';
import { createTestApp } from './support/test-app';

const SENDER = 'billing@solidlab.test';
// The embedded module's pino writes levels as numbers.
const PINO_INFO = 30;
const PINO_WARN = 40;
const MESSAGE = { to: 'ivan@solidlab.test', subject: 'Invoice', text: 'x' };

/** Two plain-SMTP servers on loopback, the first tried first; a down one is retried after 300 ms. */
function twoServers(first: number, second: number): SmtpEnabledOptions {
  return {
    enabled: true,
    host: '127.0.0.1',
    port: first,
    security: 'none',
    failover: [{ host: '127.0.0.1', port: second }],
    failoverRetryMs: 300,
    from: SENDER,
  };
}

describe('SmtpClient with a failover server', () => {
  const servers: SmtpTestServer[] = [];
  const closers: (() => Promise<void>)[] = [];
  const startServer = async (options: Parameters<typeof SmtpTestServer.start>[0] = {}) => {
    const server = await SmtpTestServer.start(options);
    servers.push(server);
    return server;
  };
  const embed = async (options: SmtpEnabledOptions) => {
    const embedded = await embedSmtpModule(options);
    closers.push(embedded.close);
    return embedded;
  };

  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  it('delivers through the second server while the first is closed, and logs the first marked down once', async () => {
    const closed = await freePort();
    const second = await startServer();
    const { smtp, logs } = await embed(twoServers(closed, second.port));
    for (let i = 0; i < 3; i += 1) await smtp.send(MESSAGE);

    expect(second.received).toHaveLength(3);
    const lines = logs.of(SMTP_LOGGER_NAME);
    expect(lines.filter((line) => line.msg === 'SMTP server marked down; sending through the next one')).toEqual([
      expect.objectContaining({
        level: PINO_WARN,
        server: `127.0.0.1:${closed}`,
        error: expect.stringContaining(`connect ECONNREFUSED 127.0.0.1:${closed}`),
        retryAt: expect.any(String),
      }),
    ]);
    expect(lines.filter((line) => line.msg === 'SMTP server in use')).toEqual([
      expect.objectContaining({ level: PINO_INFO, server: second.address }),
    ]);
    expect(lines.filter((line) => line.msg === 'Failed to send email')).toEqual([]);
    expect(smtp.serverStates()).toEqual([
      expect.objectContaining({ server: `127.0.0.1:${closed}`, inUse: false, down: expect.any(Object) }),
      { server: second.address, inUse: true },
    ]);
  });

  it('goes back to the first server once it is up again and its retry time has come', async () => {
    const firstPort = await freePort();
    const second = await startServer();
    const { smtp, logs } = await embed(twoServers(firstPort, second.port));
    await smtp.send(MESSAGE);
    expect(second.received).toHaveLength(1);

    const first = await startServer({ port: firstPort });
    // Sends go on through the second server until the first is retried, then to the first.
    const deadline = Date.now() + 20_000;
    while (first.received.length === 0) {
      if (Date.now() > deadline) throw new Error('the first server was never used again');
      await smtp.send(MESSAGE);
    }

    const lines = logs.of(SMTP_LOGGER_NAME);
    expect(lines.filter((line) => line.msg === 'SMTP server is back')).toEqual([
      expect.objectContaining({ level: PINO_INFO, server: first.address }),
    ]);
    expect(lines.filter((line) => line.msg === 'SMTP server in use').map((line) => line.server)).toEqual([
      second.address,
      first.address,
    ]);
    expect(smtp.serverStates()).toEqual([
      { server: first.address, inUse: true },
      { server: second.address, inUse: false },
    ]);
  });

  it('does not fail over when the first server refuses the message (550)', async () => {
    const first = await startServer({ unknownRecipients: ['ghost@solidlab.test'] });
    const second = await startServer();
    const { smtp, logs } = await embed(twoServers(first.port, second.port));

    await expect(smtp.send({ ...MESSAGE, to: 'ghost@solidlab.test' })).rejects.toMatchObject({
      responseCode: 550,
      permanent: true,
    });
    expect(second.connections).toBe(0);
    expect(logs.of(SMTP_LOGGER_NAME).map((line) => line.msg)).not.toContain(
      'SMTP server marked down; sending through the next one',
    );
  });

  it('describes every server without the credentials', async () => {
    const { smtp } = await embed({ ...twoServers(2525, 2526), auth: { user: SENDER, pass: 'hunter2-secret' } });
    expect(smtp.description).toMatchObject({
      host: '127.0.0.1',
      port: 2525,
      security: 'none',
      failover: [{ host: '127.0.0.1', port: 2526, security: 'none' }],
    });
    expect(JSON.stringify(smtp.description)).not.toContain('hunter2-secret');
  });
});

describe('GET /health/ready with SMTP_ADDRESS listing a closed server, then an open one', () => {
  it('reports SMTP up, the second server in use and the first down', async () => {
    const closed = await freePort();
    const server = await SmtpTestServer.start();
    const testApp = await createTestApp({
      SMTP_ADDRESS: `127.0.0.1:${closed},${server.address}`,
      SMTP_TLS: 'none',
      SMTP_FROM: SENDER,
    });
    try {
      const response = await request(testApp.app.getHttpServer()).get('/health/ready').expect(200);
      expect(response.body.info.smtp).toMatchObject({
        status: 'up',
        inUse: server.address,
        down: [{ server: `127.0.0.1:${closed}`, error: expect.stringContaining(`ECONNREFUSED 127.0.0.1:${closed}`) }],
      });
    } finally {
      await testApp.close();
      await server.close();
    }
  });
});
