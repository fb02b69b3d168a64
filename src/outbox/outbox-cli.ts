import { type INestApplicationContext, Module } from '@nestjs/common';
import { commandLineImports, runCommandLine } from '../cli/command-line';
import { databaseConfig } from '../database/database.config';
import { DATABASE } from '../database/database.constants';
import type { Database } from '../database/database';
import { OUTBOX_STATUSES, type OutboxStatus } from '../database/schema';
import { recipientsOf, SuppressionsModule, SuppressionsRepository } from '../suppressions';
import { listSuppressions, unsuppress } from '../suppressions/suppression-commands';
import { type OutboxEntry, OutboxRepository } from './outbox.repository';

const USAGE = `Usage: npm run outbox -- <command>
  list [pending|sending|sent|failed|suppressed]   queued emails (default: all not yet sent), newest first
  retry <id>                                      queue a failed or suppressed email again, with a fresh set
                                                  of attempts, lifting the suppression of its recipients
  suppressed                                      mailboxes not sent to since a server refused them for good
  unsuppress <address>                            lift the suppression of one mailbox`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Just the database: the CLI must not start the HTTP server nor the outbox worker. */
@Module({ imports: [...commandLineImports([databaseConfig]), SuppressionsModule], providers: [OutboxRepository] })
class OutboxCliModule {}

const STATUS_WIDTH = Math.max(...OUTBOX_STATUSES.map((status) => status.length));

/** When it was sent; for one held back, when it was queued; otherwise when it is (or was) next due. */
function whenOf(entry: OutboxEntry): string {
  if (entry.status === 'sent') return `sent ${entry.sentAt?.toISOString()}`;
  if (entry.status === 'suppressed') return `queued ${entry.createdAt.toISOString()}`;
  return `next ${entry.runAt.toISOString()}`;
}

function describe(entry: OutboxEntry): string {
  const when = whenOf(entry);
  const to = recipientsOf(entry.message).join(',');
  const error = entry.lastError ? `  last error: ${entry.lastError}` : '';
  return `${entry.id}  ${entry.status.padEnd(STATUS_WIDTH)}  attempts ${entry.attempts}  ${when}  to ${to}  "${entry.message.subject}"${error}`;
}

/**
 * Queues a failed or suppressed email again. An operator retrying it wants it sent: the
 * suppression of its recipients is lifted with it (said on stderr), or it would be held back.
 */
async function retry(app: INestApplicationContext, id: string): Promise<number> {
  const lifted = UUID.test(id)
    ? await app.get<Database>(DATABASE).transaction(async (transaction) => {
        const message = await app.get(OutboxRepository).requeue(id, transaction);
        return message && (await app.get(SuppressionsRepository).lift(recipientsOf(message), transaction));
      })
    : undefined;
  if (lifted === undefined) {
    process.stderr.write(`No failed email with id ${id}\n`);
    return 1;
  }
  process.stdout.write(`Queued ${id} again\n`);
  lifted.forEach((mailbox) => process.stderr.write(`Lifted the suppression of ${mailbox}\n`));
  return 0;
}

async function run(app: INestApplicationContext, [command, argument]: string[]): Promise<number> {
  const repository = app.get(OutboxRepository);
  if (command === 'list' && (argument === undefined || OUTBOX_STATUSES.includes(argument as OutboxStatus))) {
    const entries = await repository.list(argument as OutboxStatus | undefined);
    entries.forEach((entry) => process.stdout.write(`${describe(entry)}\n`));
    process.stdout.write(`${entries.length} email(s)\n`);
    return 0;
  }
  if (command === 'retry' && argument !== undefined) return retry(app, argument);
  if (command === 'suppressed' && argument === undefined) return listSuppressions(app.get(SuppressionsRepository));
  if (command === 'unsuppress' && argument !== undefined) return unsuppress(app.get(SuppressionsRepository), argument);
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

runCommandLine(OutboxCliModule, run);
