import { Client } from 'pg';
import request from 'supertest';
import { AppProcess } from './support/app-process';
import { freePort } from './support/free-port';
import { VALID_PASSWORD } from './support/registration';
import { SmtpTestServer } from './support/smtp-test-server';
import { createTestDatabase } from './support/test-database';
import { createTestApp, type TestApp } from './support/test-app';
import { SMTP_LOGGER_NAME } from '@solidpoint/nestjs-smtp';

const RELAY = { SMTP_TLS: 'none', SMTP_FROM: 'SolidPoint <noreply@solidpoint.test>' };

/** `GET /health` and `GET /health/ready`, one after the other, as status and body. */
async function probeBoth(app: Parameters<typeof request>[0]) {
  const [plain, ready] = [await request(app).get('/health'), await request(app).get('/health/ready')];
  return { plain: { status: plain.status, body: plain.body }, ready: { status: ready.status, body: ready.body } };
}

describe('GET /health with SMTP off', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ LOG_LEVEL: 'debug' });
  });

  afterAll(() => testApp.close());

  it('answers liveness with 200', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/health/live').expect(200);
    expect(response.body).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
  });

  it('is ready, and says SMTP is not configured', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/health/ready').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: {
        database: { status: 'up' },
        smtp: { status: 'up', message: 'SMTP is not configured; nothing is sent' },
      },
    });
  });

  it('logs successful probes at debug only, so they do not drown the access log', () => {
    const probes = testApp.logs
      .of('server.api.http')
      .filter((line) => (line.req as { url: string }).url.startsWith('/health'));
    expect(probes.map((line) => line.level)).toEqual(['debug', 'debug']);
  });

  it('logs a refused probe at info', async () => {
    await request(testApp.app.getHttpServer()).get('/health/unknown').expect(404);
    expect(testApp.logs.of('server.api.http').at(-1)).toMatchObject({ level: 'info', res: { statusCode: 404 } });
  });

  it('answers GET /health exactly as /health/ready', async () => {
    const { plain, ready } = await probeBoth(testApp.app.getHttpServer());
    expect(plain).toEqual(ready);
    expect(plain.status).toBe(200);
  });
});

describe('GET /health/ready with the SMTP server up', () => {
  let server: SmtpTestServer;
  let testApp: TestApp;

  beforeAll(async () => {
    server = await SmtpTestServer.start();
    testApp = await createTestApp({ SMTP_ADDRESS: server.address, ...RELAY });
  });

  afterAll(async () => {
    await testApp.close();
    await server.close();
  });

  it('reports database and SMTP up, checking SMTP once for many probes', async () => {
    // The client's own check at startup opens a session too; count from after it.
    await testApp.logs.waitFor(SMTP_LOGGER_NAME, (line) => line.msg === 'SMTP connection check passed');
    const before = server.connections;
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => request(testApp.app.getHttpServer()).get('/health/ready')),
    );
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'ok',
        info: { database: { status: 'up' }, smtp: { status: 'up', host: '127.0.0.1', port: server.port } },
      });
    }
    await request(testApp.app.getHttpServer()).get('/health/ready').expect(200);
    expect(server.connections - before).toBe(1);
  });
});

describe('GET /health/ready with the SMTP server down', () => {
  let testApp: TestApp;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    testApp = await createTestApp({ SMTP_ADDRESS: `127.0.0.1:${port}`, ...RELAY });
  });

  afterAll(() => testApp.close());

  it('stays 200 but reports SMTP down with the error text the logs show', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/health/ready').expect(200);
    const logged = await testApp.logs.waitFor(SMTP_LOGGER_NAME, (line) =>
      String(line.msg).startsWith('SMTP connection check failed'),
    );
    expect(response.body).toMatchObject({
      status: 'error',
      info: { database: { status: 'up' } },
      error: { smtp: { status: 'down', message: logged.error } },
    });
    expect(logged.error).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('answers GET /health exactly as /health/ready: 200 with SMTP down', async () => {
    const { plain, ready } = await probeBoth(testApp.app.getHttpServer());
    expect(plain).toEqual(ready);
    expect(plain).toMatchObject({ status: 200, body: { status: 'error', error: { smtp: { status: 'down' } } } });
  });

  it('still accepts registrations, which queue', async () => {
    await request(testApp.app.getHttpServer())
      .post('/users')
      .send({ email: 'queued@solidlab.test', firstName: 'Ivan', password: VALID_PASSWORD })
      .expect(201);
  });
});

const describePostgres = process.env.DATABASE_URL ? describe : describe.skip;

describePostgres('GET /health/ready when the database is gone (PostgreSQL)', () => {
  let app: AppProcess;
  let databaseUrl: string;

  beforeAll(async () => {
    ({ DATABASE_URL: databaseUrl } = await createTestDatabase('postgres'));
    app = await AppProcess.start({ DATABASE_URL: databaseUrl });
  });

  afterAll(() => app.stop());

  it('answers 503 naming the database, while liveness stays 200', async () => {
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE ${new URL(databaseUrl).pathname.slice(1)} WITH (FORCE)`);
    await admin.end();

    const response = await request(app.url).get('/health/ready').expect(503);
    expect(response.body).toMatchObject({
      status: 'error',
      error: { database: { status: 'down', message: expect.any(String) } },
    });
    await request(app.url).get('/health/live').expect(200);
  });

  it('answers GET /health exactly as /health/ready: 503', async () => {
    const { plain, ready } = await probeBoth(app.url);
    expect(plain).toEqual(ready);
    expect(plain.status).toBe(503);
  });
});
