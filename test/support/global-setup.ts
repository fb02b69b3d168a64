import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DATA_DIR_TEMPLATE_VARIABLE } from './test-database';

/**
 * Once per run: checks that PostgreSQL answers when DATABASE_URL is set (a run that should test
 * it must not quietly test less), and prepares a migrated embedded data directory that each test
 * copies in a moment instead of running initdb.
 */
export default async function globalSetup(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
    await client.connect().catch((error: Error) => {
      throw new Error(`DATABASE_URL is set but PostgreSQL does not answer: ${error.message}`);
    });
    await client.end();
  }

  // The same layout the app uses: DATA_DIR/pglite.
  const template = mkdtempSync(join(tmpdir(), 'smtp-test-data-template-'));
  const pglite = new PGlite(join(template, 'pglite'));
  await migrate(drizzle(pglite), { migrationsFolder: resolve(__dirname, '../../drizzle') });
  await pglite.close();
  // Set before jest starts its workers, which inherit it.
  process.env[DATA_DIR_TEMPLATE_VARIABLE] = template;
}
