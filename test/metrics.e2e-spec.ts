import request from 'supertest';
import { sample } from './support/prometheus-sample';
import { VALID_PASSWORD } from './support/registration';
import { SmtpTestServer } from './support/smtp-test-server';
import { createTestApp, type TestApp } from './support/test-app';

const RELAY = { SMTP_TLS: 'none', SMTP_FROM: 'SolidPoint <noreply@solidpoint.test>', SMTP_RETRY_DELAY: '3600' };

describe('GET /metrics', () => {
  let server: SmtpTestServer;
  let testApp: TestApp;
  const scrape = async () => {
    const response = await request(testApp.app.getHttpServer()).get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;.*\bversion=0\.0\.4\b/);
    return response.text;
  };
  /** Scrapes until `done` holds (the worker records an outcome a moment after the send), at most 10 s. */
  const scrapeUntil = async (done: (text: string) => boolean) => {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      const text = await scrape();
      if (done(text)) return text;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the metrics did not move within 10 s');
  };
  const register = (email: string) =>
    request(testApp.app.getHttpServer())
      .post('/users')
      .send({ email, firstName: 'Ivan', password: VALID_PASSWORD })
      .expect(201);

  beforeAll(async () => {
    server = await SmtpTestServer.start({
      unknownRecipients: ['ghost@solidlab.test'],
      dataReplies: ['451 4.3.0 Temporary failure'],
    });
    testApp = await createTestApp({ SMTP_ADDRESS: server.address, ...RELAY });
  });

  afterAll(async () => {
    await testApp.close();
    await server.close();
  });

  it('serves the default process metrics', async () => {
    expect(await scrape()).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('counts a transient failure and its retry, then a send, with its duration', async () => {
    const before = await scrape();
    // The server answers the first DATA with 451 4.3.0: a transient failure (not a throttle), retried in an hour.
    await register('first@solidlab.test');
    await register('second@solidlab.test');
    const moved = (name: string, text = after) => sample(text, name) - sample(before, name);
    const after = await scrapeUntil(
      (text) => moved('outbox_retries_total', text) > 0 && moved('smtp_emails_sent_total', text) > 0,
    );
    expect(moved('smtp_emails_failed_total{kind="transient"}')).toBe(1);
    expect(moved('outbox_retries_total')).toBe(1);
    expect(moved('smtp_emails_sent_total')).toBe(1);
    expect(moved('smtp_send_duration_seconds_count')).toBe(2);
    expect(sample(after, 'outbox_emails_waiting')).toBe(1);
    expect(sample(after, 'outbox_oldest_waiting_seconds')).toBeGreaterThan(0);
  });

  it('counts a permanent failure, which the outbox gives up on', async () => {
    const before = await scrape();
    await register('ghost@solidlab.test');
    const after = await scrapeUntil((text) => sample(text, 'outbox_emails_failed') > 0);
    expect(
      sample(after, 'smtp_emails_failed_total{kind="permanent"}') -
        sample(before, 'smtp_emails_failed_total{kind="permanent"}'),
    ).toBe(1);
    expect(sample(after, 'outbox_emails_failed')).toBe(1);
  });
});

describe('GET /metrics with METRICS_ENABLED=false', () => {
  it('answers 404', async () => {
    const testApp = await createTestApp({ METRICS_ENABLED: 'false' });
    try {
      await request(testApp.app.getHttpServer()).get('/metrics').expect(404);
    } finally {
      await testApp.close();
    }
  });
});
