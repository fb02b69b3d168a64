import { ConfigType, registerAs } from '@nestjs/config';
import { resolve } from 'node:path';
import { EnvironmentReader } from '../config/environment-reader';

/** Where users and queued emails are stored. */
export type DatabaseConfig =
  /** A PostgreSQL server (`DATABASE_URL`); several app instances may share it. */
  | { kind: 'postgres'; url: string }
  /**
   * The embedded database (PGlite) in `DATA_DIR`, for one process only. `settings` are the
   * operator's PostgreSQL settings (`EMBEDDED_DATABASE_SETTINGS`), applied over the app's own.
   */
  | { kind: 'embedded'; dataDir: string; settings: readonly EmbeddedDatabaseSetting[] };

/** One PostgreSQL setting for the embedded database, as `name=value`, e.g. `shared_buffers=64MB`. */
export type EmbeddedDatabaseSetting = `${string}=${string}`;

// A GUC name (letters, digits, underscores; dotted for an extension's) and a value without spaces.
const SETTING = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?=\S+$/;

export function parseDatabaseEnvironment(env: NodeJS.ProcessEnv): Readonly<DatabaseConfig> {
  const reader = new EnvironmentReader(env);
  const url = reader.text('DATABASE_URL');
  const settings = reader.text('EMBEDDED_DATABASE_SETTINGS');
  if (url === undefined) {
    return reader.result({
      kind: 'embedded',
      dataDir: resolve(reader.text('DATA_DIR') ?? 'data'),
      settings: Object.freeze(parseSettings(settings, reader)),
    });
  }
  // The value is never echoed: it usually holds a password.
  if (!isPostgresUrl(url)) reader.problem('DATABASE_URL must be a postgres:// or postgresql:// URL');
  if (reader.text('DATA_DIR') !== undefined) reader.problem('DATA_DIR is set but DATABASE_URL is too; set only one');
  if (settings !== undefined) {
    reader.problem(
      'EMBEDDED_DATABASE_SETTINGS is set but DATABASE_URL is too; set PostgreSQL server settings on the server',
    );
  }
  return reader.result({ kind: 'postgres', url });
}

function parseSettings(value: string | undefined, reader: EnvironmentReader): EmbeddedDatabaseSetting[] {
  const settings = value?.trim().split(/\s+/) ?? [];
  const malformed = settings.filter((setting) => !SETTING.test(setting));
  if (malformed.length > 0) {
    reader.problem(
      `EMBEDDED_DATABASE_SETTINGS must be space-separated name=value PostgreSQL settings, e.g. shared_buffers=64MB; got ${malformed.map((setting) => `"${setting}"`).join(', ')}`,
    );
  }
  return settings as EmbeddedDatabaseSetting[];
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
