import { setFlagsFromString } from 'node:v8';
import type { EmbeddedDatabaseSetting } from './database.config';

/**
 * The embedded database's PostgreSQL settings, sized for this app's small tables: PostgreSQL's
 * defaults are a server's, and PGlite allocates and zeroes all of its shared memory in the app's
 * own process at every start (README, Performance). `EMBEDDED_DATABASE_SETTINGS` comes after
 * these, so an operator's value for the same name wins.
 */
export const EMBEDDED_DATABASE_DEFAULTS: readonly EmbeddedDatabaseSetting[] = Object.freeze([
  // 128MB by default. Pages missed here are still in the OS page cache: a miss costs a read
  // syscall, not a disk seek.
  'shared_buffers=8MB',
  // Sizes the lock and process tables in shared memory; PGlite is one backend, not 100.
  'max_connections=2',
]);

/** PGlite's own start parameters, then the defaults above, then `settings`, as `-c name=value`. */
export function embeddedStartParams(
  pgliteDefaults: readonly string[],
  settings: readonly EmbeddedDatabaseSetting[],
): string[] {
  return [...pgliteDefaults, ...[...EMBEDDED_DATABASE_DEFAULTS, ...settings].flatMap((setting) => ['-c', setting])];
}

/**
 * Runs PGlite's WebAssembly on V8's baseline compiler (Liftoff) only. Optimising PostgreSQL's
 * large functions with TurboFan, in background threads, costs more CPU than this app's short
 * queries ever win back, and its compiler memory stays in the process: 40-60 MB of RSS, and
 * over a second more to start on 2 cores (README, Performance). V8 reads the flag when it
 * compiles a module, so this must run before PGlite is created; it concerns WebAssembly only.
 * Node 24 and later ignore it when set at run time: there `node --liftoff-only` does it.
 */
export function compileWebAssemblyForFootprint(): void {
  setFlagsFromString('--liftoff-only');
}

/** Whether PGlite's WebAssembly runs on Liftoff only: by the flag set above, or by Node's own. */
export function webAssemblyIsLiftoffOnly(): boolean {
  return Number(process.versions.node.split('.')[0]) < 24 || process.execArgv.includes('--liftoff-only');
}
