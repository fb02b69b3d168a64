import { PinoLogger } from 'nestjs-pino';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openDatabase } from '../../src/database/open-database';
import { DATA_DIR_TEMPLATE_VARIABLE, TEST_RUN_VARIABLE } from './test-database';

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

  // Opened and migrated the way the app does it, then closed (which also releases its lock).
  const template = mkdtempSync(join(tmpdir(), 'smtp-test-data-template-'));
  const silent = new PinoLogger({ pinoHttp: { level: 'silent' } });
  const connection = await openDatabase({ kind: 'embedded', dataDir: template, settings: [] }, silent);
  await connection.close();
  // Set before jest starts its workers, which inherit them.
  process.env[DATA_DIR_TEMPLATE_VARIABLE] = template;
  process.env[TEST_RUN_VARIABLE] = randomBytes(4).toString('hex');
}
