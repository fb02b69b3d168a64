import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PinoLogger } from 'nestjs-pino';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Pool } from 'pg';
import { StartupError } from '../config/startup.error';
import { DataDirLock } from './data-dir-lock';
import { DatabaseLogMessage } from './database.constants';
import type { DatabaseConfig } from './database.config';
import type { Database, DatabaseConnection } from './database';
import { INITIAL_DATA_FILE, MIGRATIONS_FOLDER } from './initial-data';
import * as schema from './schema';
import { describeError } from '../logging/error-description';

// Any constant will do: it names the lock that makes concurrent starts migrate one at a time.
const MIGRATION_LOCK_KEY = 7_402_113;

/** Connects (or opens the embedded database) and brings the schema up to date. */
export async function openDatabase(config: DatabaseConfig, logger: PinoLogger): Promise<DatabaseConnection> {
  return config.kind === 'postgres' ? openPostgres(config.url, logger) : openEmbedded(config.dataDir, logger);
}

async function openPostgres(url: string, logger: PinoLogger): Promise<DatabaseConnection> {
  const pool = new Pool({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server must not crash the process; the pool reconnects.
  pool.on('error', (error) => logger.warn({ error: describeError(error) }, DatabaseLogMessage.connectionLost));
  const db = drizzleNodePostgres(pool, { schema }) as unknown as Database;
  try {
    const client = await pool.connect();
    try {
      // Instances starting at the same second would otherwise race to create the same tables.
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await migrateNodePostgres(drizzleNodePostgres(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw new StartupError(`Cannot use the PostgreSQL database at ${redactUrl(url)}: ${describeError(error)}`);
  }
  logger.info({ database: redactUrl(url) }, DatabaseLogMessage.readyPostgres);
  return { db, close: () => pool.end() };
}

async function openEmbedded(dataDir: string, logger: PinoLogger): Promise<DatabaseConnection> {
  mkdirSync(dataDir, { recursive: true });
  const lock = DataDirLock.acquire(dataDir);
  try {
    const client = await openPglite(resolve(dataDir, 'pglite'), logger);
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    logger.info({ dataDir }, DatabaseLogMessage.readyEmbedded);
    return {
      db: db as unknown as Database,
      async close() {
        await client.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * Opens the PGlite files in `path`. A new directory is restored from the migrated dump that the
 * build prepared; without one, PGlite runs initdb, which takes several seconds.
 */
async function openPglite(path: string, logger: PinoLogger): Promise<PGlite> {
  if (existsSync(path)) {
    logger.info({ dataDir: path }, DatabaseLogMessage.opening);
    return PGlite.create(path);
  }
  if (existsSync(INITIAL_DATA_FILE)) {
    logger.info({ dataDir: path }, DatabaseLogMessage.restoring);
    return PGlite.create({ dataDir: path, loadDataDir: new Blob([readFileSync(INITIAL_DATA_FILE)]) });
  }
  logger.info({ dataDir: path }, DatabaseLogMessage.initialising);
  return PGlite.create(path);
}

/** The URL without its password, for logs and errors. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
