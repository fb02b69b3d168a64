import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The migrations drizzle-kit generated from schema.ts; the same path from src/ and dist/. */
export const MIGRATIONS_FOLDER = resolve(__dirname, '../../drizzle');

/**
 * A migrated, empty embedded database, as PGlite's files, made by `npm run build`. A first start
 * copies it (tens of milliseconds) instead of running initdb (about 6 s) or unpacking a dump
 * inside the process (which held 100 MB more of RSS after the first start).
 */
export const INITIAL_DATA_DIR = resolve(__dirname, '../initial-data');

/** Identifies the schema a dump was made with: a hash of every migration file. */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  const files = readdirSync(MIGRATIONS_FOLDER, { recursive: true, encoding: 'utf8' }).sort();
  for (const file of files.filter((name) => /\.(sql|json)$/.test(name))) {
    hash.update(file).update(readFileSync(join(MIGRATIONS_FOLDER, file)));
  }
  return hash.digest('hex').slice(0, 16);
}
