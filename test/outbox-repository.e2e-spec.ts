import { Test, type TestingModule } from '@nestjs/testing';
import { ConfigModule } from '@nestjs/config';
import { sql } from 'drizzle-orm';
import { LoggerModule } from 'nestjs-pino';
import { databaseConfig } from '../src/database/database.config';
import { DATABASE } from '../src/database/database.constants';
import type { Database } from '../src/database/database';
import { DatabaseModule } from '../src/database/database.module';
import { OutboxRepository } from '../src/outbox/outbox.repository';
import { AVAILABLE_DATABASES, createTestDatabase } from './support/test-database';

const MESSAGE = { to: 'a@solidlab.test', subject: 'Hi', text: 'Hello' };

describe.each(AVAILABLE_DATABASES)('OutboxRepository on the %s database', (kind) => {
  let moduleRef: TestingModule;
  let outbox: OutboxRepository;
  let db: Database;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };

  beforeAll(async () => {
    const env = await createTestDatabase(kind);
    delete process.env.DATABASE_URL;
    delete process.env.DATA_DIR;
    Object.assign(process.env, env);
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [databaseConfig] }),
        LoggerModule.forRoot({ pinoHttp: { level: 'silent' } }),
        DatabaseModule,
      ],
      providers: [OutboxRepository],
    }).compile();
    await moduleRef.init();
    outbox = moduleRef.get(OutboxRepository);
    db = moduleRef.get(DATABASE);
  });

  afterAll(async () => {
    await moduleRef.close();
    Object.assign(process.env, saved);
    if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
    if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR;
  });

  it('claims a due email once, even for claims that overlap', async () => {
    const id = await outbox.enqueue(db, MESSAGE, '<claim-once@solidpoint.test>');
    const [first, second] = await Promise.all([outbox.claim(5, 60), outbox.claim(5, 60)]);
    const claimed = [...first, ...second].filter((job) => job.id === id);
    expect(claimed).toEqual([{ id, messageId: '<claim-once@solidpoint.test>', message: MESSAGE, attempts: 1 }]);
    await outbox.markSent([id]);
  });

  it('does not claim an email before its retry time, and does after', async () => {
    const id = await outbox.enqueue(db, MESSAGE, '<later@solidpoint.test>');
    await outbox.reschedule(id, new Date(Date.now() + 60_000), '451 later');
    expect((await outbox.claim(5, 60)).map((job) => job.id)).not.toContain(id);
    await outbox.reschedule(id, new Date(Date.now() - 1_000), '451 later');
    expect((await outbox.claim(5, 60)).map((job) => job.id)).toContain(id);
    await outbox.markSent([id]);
  });

  it('takes over an email whose claim expired (its worker died)', async () => {
    const id = await outbox.enqueue(db, MESSAGE, '<abandoned@solidpoint.test>');
    expect((await outbox.claim(5, 1)).map((job) => job.id)).toContain(id);
    expect((await outbox.claim(5, 1)).map((job) => job.id)).not.toContain(id);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const reclaimed = (await outbox.claim(5, 60)).find((job) => job.id === id);
    expect(reclaimed?.attempts).toBe(2);
    await outbox.markSent([id]);
  });

  it('prunes sent emails older than the retention period and keeps the rest', async () => {
    const old = await outbox.enqueue(db, MESSAGE, '<old@solidpoint.test>');
    const recent = await outbox.enqueue(db, MESSAGE, '<recent@solidpoint.test>');
    const pending = await outbox.enqueue(db, MESSAGE, '<pending@solidpoint.test>');
    await outbox.markSent([old, recent]);
    await db.execute(sql`UPDATE email_outbox SET sent_at = now() - interval '8 days' WHERE id = ${old}`);
    expect(await outbox.prune(7)).toBe(1);
    const remaining = (await outbox.list('sent')).map((entry) => entry.id);
    expect(remaining).toContain(recent);
    expect(remaining).not.toContain(old);
    expect((await outbox.list()).map((entry) => entry.id)).toContain(pending);
  });

  it('gives an email back in its place, its attempt not counted, and claims in queue order', async () => {
    const first = await outbox.enqueue(db, MESSAGE, '<given-back@solidpoint.test>');
    const [claimed] = (await outbox.claim(5, 60)).filter((job) => job.id === first);
    expect(claimed.attempts).toBe(1);
    // Queued while the first was being sent: it stays behind the first once that is given back.
    const second = await outbox.enqueue(db, MESSAGE, '<behind@solidpoint.test>');
    await outbox.giveBack(first, '421 4.7.0 Try again later');
    const again = (await outbox.claim(5, 60)).filter((job) => job.id === first || job.id === second);
    expect(again.map((job) => [job.id, job.attempts])).toEqual([
      [first, 1],
      [second, 1],
    ]);
    expect((await outbox.list('sending')).find((entry) => entry.id === first)?.lastError).toBe(
      '421 4.7.0 Try again later',
    );
    await outbox.markSent([first, second]);
  });

  it('claims nothing while every server named has a throttle pause in force, and claims with one free', async () => {
    const id = await outbox.enqueue(db, MESSAGE, '<paused@solidpoint.test>');
    await db.execute(sql`
      INSERT INTO smtp_throttle_pauses (server, paused_until, reply)
      VALUES ('a.example:25', now() + interval '1 hour', '421 4.7.0 Try again later'),
             ('b.example:25', now() - interval '1 second', '421 4.7.0 Try again later')`);
    expect(await outbox.claim(5, 60, ['a.example:25'])).toEqual([]);
    expect((await outbox.claim(5, 60, ['a.example:25', 'b.example:25'])).map((job) => job.id)).toContain(id);
    await outbox.markSent([id]);
  });
});
