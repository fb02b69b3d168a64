import { Inject, Injectable } from '@nestjs/common';
import { asc, inArray } from 'drizzle-orm';
import type { Database, Queryable } from '../database/database';
import { DATABASE } from '../database/database.constants';
import { suppressedMailboxes } from '../database/schema';
import type { Suppression } from './recipient-screening';
import { suppressionKeyOf } from './suppression-key';

/**
 * The `suppressed_mailboxes` table, shared by every instance: mailboxes a server refused for
 * good, which are not sent to until an operator lifts them.
 */
@Injectable()
export class SuppressionsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * Suppresses `address` with `reason`; true when it was not suppressed yet (a mailbox already
   * suppressed keeps its first reason and date).
   */
  async suppress(address: string, reason: string): Promise<boolean> {
    const inserted = await this.db
      .insert(suppressedMailboxes)
      .values({ mailbox: suppressionKeyOf(address), reason })
      .onConflictDoNothing()
      .returning({ mailbox: suppressedMailboxes.mailbox });
    return inserted.length === 1;
  }

  /** The suppressions among `addresses`, by key, in one query. */
  async find(addresses: readonly string[]): Promise<Map<string, Suppression>> {
    if (addresses.length === 0) return new Map();
    const keys = [...new Set(addresses.map(suppressionKeyOf))];
    const rows = await this.db.select().from(suppressedMailboxes).where(inArray(suppressedMailboxes.mailbox, keys));
    return new Map(rows.map((row) => [row.mailbox, row]));
  }

  /** Every suppression, oldest first. */
  async list(): Promise<Suppression[]> {
    return this.db.select().from(suppressedMailboxes).orderBy(asc(suppressedMailboxes.suppressedAt));
  }

  /** Lifts the suppression of each of `addresses`; returns the keys that were suppressed. */
  async lift(addresses: readonly string[], queryable: Queryable = this.db): Promise<string[]> {
    if (addresses.length === 0) return [];
    const deleted = await queryable
      .delete(suppressedMailboxes)
      .where(inArray(suppressedMailboxes.mailbox, addresses.map(suppressionKeyOf)))
      .returning({ mailbox: suppressedMailboxes.mailbox });
    return deleted.map((row) => row.mailbox);
  }
}
