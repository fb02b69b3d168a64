import type { PGlite } from '@electric-sql/pglite';
import type { PinoLogger } from 'nestjs-pino';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { StartupError } from '../config/startup.error';
import { DataDirLock } from './data-dir-lock';
import { DatabaseLogMessage } from './database.constants';
import { loadEmbeddedDriver, loadPostgresDriver } from './drivers';
import type { DatabaseConfig, EmbeddedDatabaseSetting } from './database.config';
import type { Database, DatabaseConnection } from './database';
import { compileWebAssemblyForFootprint, embeddedStartParams } from './embedded-settings';
import { INITIAL_DATA_DIR, MIGRATIONS_FOLDER } from './initial-data';
import * as schema from './schema';
import { describeError } from '../logging/error-description';

type EmbeddedDatabaseConfig = Extract<DatabaseConfig, { kind: 'embedded' }>;

// Any constant will do: it names the lock that makes concurrent starts migrate one at a time.
const MIGRATION_LOCK_KEY = 7_402_113;

/** Connects (or opens the embedded database) and brings the schema up to date. */
export async function openDatabase(config: DatabaseConfig, logger: PinoLogger): Promise<DatabaseConnection> {
  return config.kind === 'postgres' ? openPostgres(config.url, logger) : openEmbedded(config, logger);
}

async function openPostgres(url: string, logger: PinoLogger): Promise<DatabaseConnection> {
  const { Pool, drizzle: drizzleNodePostgres, migrate: migrateNodePostgres } = loadPostgresDriver();
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

async function openEmbedded(config: EmbeddedDatabaseConfig, logger: PinoLogger): Promise<DatabaseConnection> {
  const { dataDir } = config;
  mkdirSync(dataDir, { recursive: true });
  const lock = DataDirLock.acquire(dataDir);
  try {
    const { drizzle: drizzlePglite, migrate: migratePglite } = loadEmbeddedDriver();
    const client = await openPglite(resolve(dataDir, 'pglite'), config.settings, logger);
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
 * Opens the PGlite files in `path`. A new directory is first copied from the migrated one that
 * the build prepared; without one, PGlite runs initdb, which takes several seconds.
 */
async function openPglite(
  path: string,
  settings: readonly EmbeddedDatabaseSetting[],
  logger: PinoLogger,
): Promise<PGlite> {
  if (existsSync(path)) {
    logger.info({ dataDir: path }, DatabaseLogMessage.opening);
  } else if (existsSync(INITIAL_DATA_DIR)) {
    logger.info({ dataDir: path }, DatabaseLogMessage.restoring);
    // Copied aside and renamed: a start killed halfway leaves no half-copied database behind,
    // only a copy that the next start (holding the lock, so alone) removes.
    const copying = `${path}.copying`;
    rmSync(copying, { recursive: true, force: true });
    cpSync(INITIAL_DATA_DIR, copying, { recursive: true });
    renameSync(copying, path);
  } else {
    logger.info({ dataDir: path }, DatabaseLogMessage.initialising);
  }
  return createPglite(path, settings);
}

/**
 * PGlite with the app's settings and the operator's. PGlite itself only says it "failed to
 * initialize"; PostgreSQL's FATAL line (a misspelt or out-of-range setting) says why.
 */
async function createPglite(dataDir: string, settings: readonly EmbeddedDatabaseSetting[]): Promise<PGlite> {
  let fatal: string | undefined;
  let starting = true;
  const onStderr = (line: string): boolean => {
    if (starting) fatal ??= /\bFATAL:\s+(.*)$/.exec(line)?.[1];
    return false;
  };
  compileWebAssemblyForFootprint();
  const { PGlite } = loadEmbeddedDriver();
  try {
    return await PGlite.create({
      dataDir,
      startParams: embeddedStartParams(PGlite.defaultStartParams, settings),
      onStderr,
    });
  } catch (error) {
    if (fatal === undefined) throw error;
    const hint = settings.length > 0 ? '; check EMBEDDED_DATABASE_SETTINGS' : '';
    throw new StartupError(`Cannot open the embedded database in ${dataDir}: ${fatal}${hint}`);
  } finally {
    starting = false;
  }
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
