import type { PinoLogger } from 'nestjs-pino';
import type { SmtpClient } from '@solidpoint/nestjs-smtp';
import type { Database } from '../database/database';
import type { SuppressionsRepository } from '../suppressions';
import type { OutboxConfig } from './outbox.config';
import type { OutboxRepository } from './outbox.repository';
import { OutboxSuppressions } from './outbox-suppressions';
import { OutboxWorker } from './outbox.worker';
import { ThrottlePause } from './throttle-pause';

/**
 * The outbox worker with everything it honours: shared throttle pauses and suppressed mailboxes.
 * One assembly for the app's module and for the bench, so that the bench measures what runs.
 */
export function createOutboxWorker(
  db: Database,
  repository: OutboxRepository,
  suppressions: SuppressionsRepository,
  smtp: SmtpClient,
  config: OutboxConfig,
  logger: PinoLogger,
  batchSize: number,
): OutboxWorker {
  const throttle = new ThrottlePause(db, repository, smtp, logger);
  const screening = new OutboxSuppressions(repository, suppressions, logger);
  return new OutboxWorker(repository, smtp, config, logger, batchSize, throttle, screening);
}
