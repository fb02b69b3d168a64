import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

type Schema = typeof schema;

/** The app's database, whichever driver is behind it (PostgreSQL server or embedded PGlite). */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction on {@link Database}; repositories accept either, so callers choose the unit of work. */
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** Something to run queries on: the database itself, or a transaction. */
export type Queryable = Database | Transaction;

/** An open database and how to close it. */
export interface DatabaseConnection {
  db: Database;
  close(): Promise<void>;
}

/** True when `error` (or what caused it) is PostgreSQL's unique_violation. */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error; typeof current === 'object' && current !== null; current = (current as Error).cause) {
    if ((current as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
