/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see below */
// Each driver is loaded only when a database of its kind is opened: a start needs one, and the
// other would add its load time to every start (README, Performance). `require`, not `import()`:
// `import()` would load drizzle-orm's ES module build beside the CommonJS one the schema uses.

/** node-postgres and drizzle's adapter for it. */
export function loadPostgresDriver() {
  return {
    Pool: (require('pg') as typeof import('pg')).Pool,
    drizzle: (require('drizzle-orm/node-postgres') as typeof import('drizzle-orm/node-postgres')).drizzle,
    migrate: (require('drizzle-orm/node-postgres/migrator') as typeof import('drizzle-orm/node-postgres/migrator'))
      .migrate,
  };
}

/** PGlite and drizzle's adapter for it. */
export function loadEmbeddedDriver() {
  return {
    PGlite: (require('@electric-sql/pglite') as typeof import('@electric-sql/pglite')).PGlite,
    drizzle: (require('drizzle-orm/pglite') as typeof import('drizzle-orm/pglite')).drizzle,
    migrate: (require('drizzle-orm/pglite/migrator') as typeof import('drizzle-orm/pglite/migrator')).migrate,
  };
}
