import { isEmailAddress } from '@solidpoint/nestjs-smtp';
import type { SuppressionsRepository } from './suppressions.repository';

/** `npm run outbox -- suppressed`: every suppressed mailbox with its date and reason, oldest first. */
export async function listSuppressions(repository: SuppressionsRepository): Promise<number> {
  const suppressions = await repository.list();
  for (const { mailbox, suppressedAt, reason } of suppressions) {
    process.stdout.write(`${mailbox}  since ${suppressedAt.toISOString()}  ${reason}\n`);
  }
  process.stdout.write(`${suppressions.length} suppressed mailbox(es)\n`);
  return 0;
}

/** `npm run outbox -- unsuppress <address>`: 0 when lifted, 1 when it was not suppressed, 2 for no address. */
export async function unsuppress(repository: SuppressionsRepository, address: string): Promise<number> {
  // The same rule as a registration's email: anything else was never sent to, so never suppressed.
  if (!isEmailAddress(address)) {
    process.stderr.write(`Not an email address: ${JSON.stringify(address)}\n`);
    return 2;
  }
  const [lifted] = await repository.lift([address]);
  if (lifted === undefined) {
    process.stderr.write(`${address} is not suppressed\n`);
    return 1;
  }
  process.stdout.write(`Lifted the suppression of ${lifted}\n`);
  return 0;
}
