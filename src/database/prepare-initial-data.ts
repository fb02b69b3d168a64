import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INITIAL_DATA_DIR, MIGRATIONS_FOLDER, migrationsFingerprint } from './initial-data';

// Run by `npm run build`: writes dist/initial-data/. Making it takes an initdb (about 6 s), so it
// is cached by migrations fingerprint and made again only when a migration changes.
const CACHE_FOLDER = resolve(__dirname, '../../node_modules/.cache/solidpoint-initial-data');

async function prepare(): Promise<void> {
  const cached = join(CACHE_FOLDER, migrationsFingerprint());
  if (!existsSync(cached)) {
    // Made aside and renamed, so an interrupted build never leaves a half-made cache entry.
    const making = `${cached}.making-${process.pid}`;
    mkdirSync(CACHE_FOLDER, { recursive: true });
    const pglite = await PGlite.create(making);
    await migrate(drizzle(pglite), { migrationsFolder: MIGRATIONS_FOLDER });
    await pglite.close();
    renameSync(making, cached);
  }
  rmSync(INITIAL_DATA_DIR, { recursive: true, force: true });
  cpSync(cached, INITIAL_DATA_DIR, { recursive: true });
}

prepare().catch((error: unknown) => {
  process.stderr.write(`Cannot prepare the initial embedded database: ${String(error)}\n`);
  process.exit(1);
});
