import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INITIAL_DATA_FILE, MIGRATIONS_FOLDER, migrationsFingerprint } from './initial-data';

// Run by `npm run build`: writes dist/initial-data.tar.gz. Making one takes an initdb (about 6 s),
// so it is cached by migrations fingerprint and rebuilt only when a migration changes.
const CACHE_FOLDER = resolve(__dirname, '../../node_modules/.cache/solidpoint-initial-data');

async function prepare(): Promise<void> {
  const cached = join(CACHE_FOLDER, `${migrationsFingerprint()}.tar.gz`);
  if (!existsSync(cached)) {
    const pglite = new PGlite();
    await migrate(drizzle(pglite), { migrationsFolder: MIGRATIONS_FOLDER });
    const dump = await pglite.dumpDataDir('gzip');
    await pglite.close();
    mkdirSync(CACHE_FOLDER, { recursive: true });
    writeFileSync(cached, Buffer.from(await dump.arrayBuffer()));
  }
  copyFileSync(cached, INITIAL_DATA_FILE);
}

prepare().catch((error: unknown) => {
  process.stderr.write(`Cannot prepare the initial embedded database: ${String(error)}\n`);
  process.exit(1);
});
