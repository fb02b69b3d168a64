import { Module } from '@nestjs/common';
import { commandLineImports, runCommandLine } from '../cli/command-line';
import { databaseConfig } from '../database/database.config';
import { OUTBOX_STATUSES, type OutboxStatus } from '../database/schema';
import { type OutboxEntry, OutboxRepository } from './outbox.repository';

const USAGE = `Usage: npm run outbox -- <command>
  list [pending|sending|sent|failed]   queued emails (default: all not yet sent), newest first
  retry <id>                           queue a failed email again, with a fresh set of attempts`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Just the database: the CLI must not start the HTTP server nor the outbox worker. */
@Module({ imports: commandLineImports([databaseConfig]), providers: [OutboxRepository] })
class OutboxCliModule {}

function describe(entry: OutboxEntry): string {
  const when = entry.status === 'sent' ? `sent ${entry.sentAt?.toISOString()}` : `next ${entry.runAt.toISOString()}`;
  const to = typeof entry.message.to === 'string' ? entry.message.to : entry.message.to.join(',');
  const error = entry.lastError ? `  last error: ${entry.lastError}` : '';
  return `${entry.id}  ${entry.status.padEnd(7)}  attempts ${entry.attempts}  ${when}  to ${to}  "${entry.message.subject}"${error}`;
}

async function run(repository: OutboxRepository, [command, argument]: string[]): Promise<number> {
  if (command === 'list' && (argument === undefined || OUTBOX_STATUSES.includes(argument as OutboxStatus))) {
    const entries = await repository.list(argument as OutboxStatus | undefined);
    entries.forEach((entry) => process.stdout.write(`${describe(entry)}\n`));
    process.stdout.write(`${entries.length} email(s)\n`);
    return 0;
  }
  if (command === 'retry' && argument !== undefined) {
    if (UUID.test(argument) && (await repository.requeue(argument))) {
      process.stdout.write(`Queued ${argument} again\n`);
      return 0;
    }
    process.stderr.write(`No failed email with id ${argument}\n`);
    return 1;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

runCommandLine(OutboxCliModule, (app, args) => run(app.get(OutboxRepository), args));
