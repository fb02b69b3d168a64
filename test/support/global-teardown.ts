import { Pool } from 'pg';
import { testDatabasePrefix } from './test-database';

/**
 * Drops the databases this run's tests created on the PostgreSQL server. Each DROP DATABASE waits
 * for a checkpoint and concurrent drops share one, so they run eight at a time.
 */
export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return;
  const pool = new Pool({ connectionString: serverUrl, max: 8 });
  try {
    const { rows } = await pool.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${testDatabasePrefix()}%`,
    ]);
    await Promise.all(rows.map(({ datname }) => pool.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)));
  } finally {
    await pool.end();
  }
}
