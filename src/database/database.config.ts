import { ConfigType, registerAs } from '@nestjs/config';
import { resolve } from 'node:path';
import { EnvironmentReader } from '../config/environment-reader';

/** Where users and queued emails are stored. */
export type DatabaseConfig =
  /** A PostgreSQL server (`DATABASE_URL`); several app instances may share it. */
  | { kind: 'postgres'; url: string }
  /** The embedded database (PGlite) in `DATA_DIR`, for one process only. */
  | { kind: 'embedded'; dataDir: string };

export function parseDatabaseEnvironment(env: NodeJS.ProcessEnv): Readonly<DatabaseConfig> {
  const reader = new EnvironmentReader(env);
  const url = reader.text('DATABASE_URL');
  if (url === undefined)
    return reader.result({ kind: 'embedded', dataDir: resolve(reader.text('DATA_DIR') ?? 'data') });
  // The value is never echoed: it usually holds a password.
  if (!isPostgresUrl(url)) reader.problem('DATABASE_URL must be a postgres:// or postgresql:// URL');
  if (reader.text('DATA_DIR') !== undefined) reader.problem('DATA_DIR is set but DATABASE_URL is too; set only one');
  return reader.result({ kind: 'postgres', url });
}

function isPostgresUrl(value: string): boolean {
  try {
    const { protocol, hostname } = new URL(value);
    return (protocol === 'postgres:' || protocol === 'postgresql:') && hostname !== '';
  } catch {
    return false;
  }
}

export const databaseConfig = registerAs('database', () => parseDatabaseEnvironment(process.env));
export type DatabaseConfigType = ConfigType<typeof databaseConfig>;
