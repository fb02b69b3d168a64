import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** Environment variable holding this run's id, which globalSetup sets before the workers start. */
export const TEST_RUN_VARIABLE = 'TEST_RUN_ID';

/**
 * Test databases on the PostgreSQL server are named with this run's prefix, so globalTeardown
 * drops this run's databases and never those of another run sharing the server.
 */
export function testDatabasePrefix(): string {
  const runId = process.env[TEST_RUN_VARIABLE];
  if (!runId) throw new Error(`${TEST_RUN_VARIABLE} is not set: run the tests through jest's globalSetup`);
  return `smtp_test_${runId}_`;
}

/** Environment variable naming the migrated embedded data directory that globalSetup made. */
export const DATA_DIR_TEMPLATE_VARIABLE = 'TEST_DATA_DIR_TEMPLATE';

export type DatabaseKind = 'postgres' | 'embedded';

/**
 * The kinds of database this run can test: the embedded one always, PostgreSQL when the runner
 * has DATABASE_URL (CI always does: `.ci/run` sets it and checks it first).
 */
export const AVAILABLE_DATABASES: DatabaseKind[] = process.env.DATABASE_URL ? ['postgres', 'embedded'] : ['embedded'];

/** The database tests use unless they ask for a kind: PostgreSQL when available. */
export const DEFAULT_DATABASE: DatabaseKind = AVAILABLE_DATABASES[0];

/**
 * A new, empty, migrated database for one app (or for one app restarted on the same data), as
 * the environment the app reads: `DATABASE_URL` of a fresh database on the server, or a
 * `DATA_DIR` copied from the migrated template (fast: no initdb per test).
 */
export async function createTestDatabase(kind: DatabaseKind = DEFAULT_DATABASE): Promise<Record<string, string>> {
  return kind === 'postgres' ? { DATABASE_URL: await createPostgresDatabase() } : { DATA_DIR: await createDataDir() };
}

async function createPostgresDatabase(): Promise<string> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set: PostgreSQL tests need a server');
  const name = `${testDatabasePrefix()}${randomUUID().replace(/-/g, '')}`;
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function createDataDir(): Promise<string> {
  const template = process.env[DATA_DIR_TEMPLATE_VARIABLE];
  if (!template) throw new Error(`${DATA_DIR_TEMPLATE_VARIABLE} is not set: run the tests through jest's globalSetup`);
  const dataDir = mkdtempSync(join(tmpdir(), 'smtp-test-data-'));
  cpSync(template, dataDir, { recursive: true });
  return Promise.resolve(dataDir);
}
