import { AppProcess } from './support/app-process';
import { register } from './support/registration';
import { SmtpTestServer } from './support/smtp-test-server';
import { AVAILABLE_DATABASES, createTestDatabase } from './support/test-database';

// Several instances share one database only through PostgreSQL; without DATABASE_URL this
// cannot run, and says so. CI always sets DATABASE_URL.
const describeOnPostgres = AVAILABLE_DATABASES.includes('postgres') ? describe : describe.skip;

describeOnPostgres('two app instances on one PostgreSQL database', () => {
  it('send exactly one email per user for 200 registrations spread over both', async () => {
    const server = await SmtpTestServer.start();
    const database = await createTestDatabase('postgres');
    const env = { ...database, SMTP_ADDRESS: server.address, SMTP_FROM: 'noreply@solidpoint.test', SMTP_TLS: 'none' };
    const instances = await Promise.all([AppProcess.start(env), AppProcess.start(env)]);
    try {
      const emails = Array.from({ length: 200 }, (_, i) => `user${i}@solidlab.test`);
      for (let i = 0; i < emails.length; i += 20) {
        await Promise.all(emails.slice(i, i + 20).map((email, j) => register(instances[j % 2].url, email).expect(201)));
      }
      await server.waitForMessages(200, 60_000);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(server.received).toHaveLength(200);
      expect(server.received.map((mail) => mail.to[0]).sort()).toEqual([...emails].sort());
    } finally {
      await Promise.all(instances.map((app) => app.stop()));
      await server.close();
    }
  }, 180_000);
});
