import { sql } from 'drizzle-orm';
import request from 'supertest';
import type { Database } from '../src/database/database';
import { DATABASE } from '../src/database/database.constants';
import { emailOutbox, registrationEmailLimits } from '../src/database/schema';
import { MailboxLimit } from '../src/registration-limits';
import { AppProcess } from './support/app-process';
import { register, VALID_PASSWORD } from './support/registration';
import { SmtpTestServer } from './support/smtp-test-server';
import { AVAILABLE_DATABASES, createTestDatabase } from './support/test-database';
import { createTestApp, type TestApp } from './support/test-app';

const smtpEnv = (server: SmtpTestServer) => ({
  SMTP_ADDRESS: server.address,
  SMTP_FROM: 'noreply@solidpoint.test',
  SMTP_TLS: 'none',
});
const registration = (email: string) => ({ email, firstName: 'Ivan', password: VALID_PASSWORD });
const retryAfter = (response: request.Response) => Number(response.headers['retry-after']);
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** POST /users to an in-process app, optionally as if through a proxy that reports `forwardedFor`. */
function post(testApp: TestApp, body: object, forwardedFor?: string) {
  const req = request(testApp.app.getHttpServer()).post('/users');
  return (forwardedFor === undefined ? req : req.set('X-Forwarded-For', forwardedFor)).send(body);
}

/** The recipients of every email the app queued, sorted. */
async function queuedRecipients(testApp: TestApp): Promise<string[]> {
  const rows = await testApp.app.get<Database>(DATABASE).select({ message: emailOutbox.message }).from(emailOutbox);
  return rows.flatMap((row) => row.message.to).sort();
}

/** Moves every mailbox's last registration email a day back, past any window. */
async function expireMailboxWindows(testApp: TestApp): Promise<void> {
  await testApp.app
    .get<Database>(DATABASE)
    .update(registrationEmailLimits)
    .set({ emailedAt: sql`now() - interval '1 day'` });
}

describe('the per-IP registration limit', () => {
  let server: SmtpTestServer;
  let testApp: TestApp;

  beforeAll(async () => {
    server = await SmtpTestServer.start();
  });

  afterEach(async () => {
    await testApp.close();
  });

  afterAll(async () => {
    await server.close();
  });

  it('lets 10 registrations a minute through by default, then answers 429 with Retry-After and queues nothing', async () => {
    testApp = await createTestApp({ ...smtpEnv(server), REGISTRATION_IP_LIMIT: '' });
    // Every request counts, whatever its fate: nine cheap ones, then a real one.
    for (let i = 0; i < 9; i += 1) await post(testApp, {}).expect(400);
    await post(testApp, registration('tenth@solidlab.test')).expect(201);

    const refused = await post(testApp, registration('eleventh@solidlab.test')).expect(429);
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many registrations from your network; try again later',
    });
    expect(retryAfter(refused)).toBeGreaterThanOrEqual(1);
    expect(retryAfter(refused)).toBeLessThanOrEqual(60);
    expect(await queuedRecipients(testApp)).toEqual(['tenth@solidlab.test']);
    expect(testApp.logs.of('server.api.http').at(-1)).toMatchObject({ res: { statusCode: 429 } });
  });

  it('answers 429 with the seconds left of a configured window', async () => {
    testApp = await createTestApp({ REGISTRATION_IP_LIMIT: '2', REGISTRATION_IP_WINDOW: '600' });
    await post(testApp, registration('first@solidlab.test')).expect(201);
    await post(testApp, registration('second@solidlab.test')).expect(201);
    const refused = await post(testApp, registration('third@solidlab.test')).expect(429);
    expect(retryAfter(refused)).toBeGreaterThanOrEqual(590);
    expect(retryAfter(refused)).toBeLessThanOrEqual(600);
  });

  it('answers 429, not 400, to an invalid request over the limit: the limit runs before validation and hashing', async () => {
    testApp = await createTestApp({ REGISTRATION_IP_LIMIT: '1' });
    await post(testApp, {}).expect(400);
    await post(testApp, { password: 'x'.repeat(1024) }).expect(429);
  });

  describe('and TRUST_PROXY', () => {
    it('ignores X-Forwarded-For when unset: every request counts against the connecting address', async () => {
      testApp = await createTestApp({ REGISTRATION_IP_LIMIT: '1' });
      await post(testApp, {}, '203.0.113.1').expect(400);
      await post(testApp, {}, '203.0.113.2').expect(429);
    });

    it('with loopback, counts each client address the proxy on 127.0.0.1 reports', async () => {
      testApp = await createTestApp({ REGISTRATION_IP_LIMIT: '1', TRUST_PROXY: 'loopback' });
      await post(testApp, {}, '203.0.113.1').expect(400);
      await post(testApp, {}, '203.0.113.2').expect(400);
      await post(testApp, {}, '203.0.113.1').expect(429);
    });

    it('with a hop count of 1, believes only the address the proxy added, not one the client forged', async () => {
      testApp = await createTestApp({ REGISTRATION_IP_LIMIT: '1', TRUST_PROXY: '1' });
      await post(testApp, {}, '198.51.100.1, 203.0.113.1').expect(400);
      await post(testApp, {}, '198.51.100.2, 203.0.113.1').expect(429);
    });

    it('counts an IPv6 client by its /64 network', async () => {
      testApp = await createTestApp({ REGISTRATION_IP_LIMIT: '1', TRUST_PROXY: 'loopback' });
      await post(testApp, {}, '2001:db8:1:2::1').expect(400);
      await post(testApp, {}, '2001:db8:1:2:ffff::1').expect(429);
      await post(testApp, {}, '2001:db8:1:3::1').expect(400);
    });
  });
});

describe.each(AVAILABLE_DATABASES)('the per-mailbox registration limit on the %s database', (kind) => {
  let server: SmtpTestServer;
  let testApp: TestApp;

  beforeAll(async () => {
    server = await SmtpTestServer.start();
    testApp = await createTestApp({ ...smtpEnv(server), ...(await createTestDatabase(kind)) });
  });

  afterAll(async () => {
    await testApp.close();
    await server.close();
  });

  it('answers 429 with Retry-After to another registration for the same mailbox within the hour, and queues nothing', async () => {
    await post(testApp, registration('ivan+one@solidlab.test')).expect(201);
    for (const variant of ['ivan+two@solidlab.test', 'IVAN@SolidLab.test']) {
      const refused = await post(testApp, registration(variant)).expect(429);
      expect(refused.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'A registration email was sent to this mailbox recently; try again later',
      });
      expect(retryAfter(refused)).toBeGreaterThanOrEqual(3590);
      expect(retryAfter(refused)).toBeLessThanOrEqual(3600);
    }
    expect(await queuedRecipients(testApp)).toEqual(['ivan+one@solidlab.test']);
    await post(testApp, registration('ivan@solidlab.test')).expect(429);
  });

  it('gives the mailbox another email once its window has passed', async () => {
    await post(testApp, registration('petr@solidlab.test')).expect(201);
    await expireMailboxWindows(testApp);
    await post(testApp, registration('petr+again@solidlab.test')).expect(201);
    expect(await queuedRecipients(testApp)).toEqual(expect.arrayContaining(['petr+again@solidlab.test']));
  });

  it('spends nothing of a window on a registration refused with 409 or 400', async () => {
    await post(testApp, registration('anna@solidlab.test')).expect(201);
    await expireMailboxWindows(testApp);
    await post(testApp, registration('ANNA@solidlab.test')).expect(409);
    await post(testApp, { ...registration('anna+short@solidlab.test'), password: 'short' }).expect(400);
    await post(testApp, registration('anna+work@solidlab.test')).expect(201);
  });

  it('prunes mailboxes whose window has passed', async () => {
    await post(testApp, registration('pruned@solidlab.test')).expect(201);
    await expireMailboxWindows(testApp);
    expect(await testApp.app.get(MailboxLimit).prune()).toBeGreaterThanOrEqual(1);
    expect(await testApp.app.get<Database>(DATABASE).$count(registrationEmailLimits)).toBe(0);
  });
});

describe('REGISTRATION_EMAIL_WINDOW', () => {
  it('sets the seconds a mailbox waits for its next registration email', async () => {
    const testApp = await createTestApp({ REGISTRATION_EMAIL_WINDOW: '120' });
    try {
      await post(testApp, registration('olga@solidlab.test')).expect(201);
      const refused = await post(testApp, registration('olga+2@solidlab.test')).expect(429);
      expect(retryAfter(refused)).toBeGreaterThanOrEqual(110);
      expect(retryAfter(refused)).toBeLessThanOrEqual(120);
    } finally {
      await testApp.close();
    }
  });
});

// Several instances share one database only through PostgreSQL; without DATABASE_URL this
// cannot run, and says so. CI always sets DATABASE_URL.
const describeOnPostgres = AVAILABLE_DATABASES.includes('postgres') ? describe : describe.skip;

describeOnPostgres('the per-mailbox registration limit across two app instances on one PostgreSQL database', () => {
  let server: SmtpTestServer;
  let instances: AppProcess[];

  beforeAll(async () => {
    server = await SmtpTestServer.start();
    const env = { ...(await createTestDatabase('postgres')), ...smtpEnv(server) };
    instances = await Promise.all([AppProcess.start(env), AppProcess.start(env)]);
  });

  afterAll(async () => {
    await Promise.all(instances.map((app) => app.stop()));
    await server.close();
  });

  it('refuses a mailbox on one instance after the other sent it a registration email', async () => {
    await register(instances[0].url, 'olga+first@solidlab.test').expect(201);
    const refused = await register(instances[1].url, 'olga+second@solidlab.test').expect(429);
    expect(retryAfter(refused)).toBeGreaterThanOrEqual(3590);
    expect(retryAfter(refused)).toBeLessThanOrEqual(3600);
  });

  it('lets one of concurrent registrations for a mailbox, spread over both, have the email; 429 for the rest', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => register(instances[i % 2].url, `race+${i}@solidlab.test`)),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, 429, 429, 429, 429, 429, 429, 429]);
    const winner = responses.find((response) => response.status === 201)?.body.email;

    await server.waitForMessages(2);
    await settle(1_000);
    expect(server.received.map((mail) => mail.to[0]).sort()).toEqual(['olga+first@solidlab.test', winner].sort());
  });
});

describe('the built app (node dist/main.js)', () => {
  it('counts clients by the address a trusted proxy reports, and answers 429 with Retry-After', async () => {
    const app = await AppProcess.start({ REGISTRATION_IP_LIMIT: '1', TRUST_PROXY: 'loopback' });
    try {
      const through = (forwardedFor: string) =>
        request(app.url).post('/users').set('X-Forwarded-For', forwardedFor).send({});
      await through('203.0.113.1').expect(400);
      await through('203.0.113.2').expect(400);
      const refused = await through('203.0.113.1').expect(429);
      expect(retryAfter(refused)).toBeGreaterThanOrEqual(50);
      expect(retryAfter(refused)).toBeLessThanOrEqual(60);
      await app.waitFor(
        (line) =>
          line.logger === 'server.api.http' &&
          line.req !== undefined &&
          (line.res as { statusCode: number }).statusCode === 429,
      );
    } finally {
      await app.stop();
    }
  });
});
