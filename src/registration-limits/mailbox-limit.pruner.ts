import { type BeforeApplicationShutdown, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { PeriodicPrune } from '../database/periodic-prune';
import { MailboxLimit } from './mailbox-limit';
import {
  REGISTRATION_LIMITS_LOGGER_NAME,
  REGISTRATION_LIMITS_PRUNE_INTERVAL_MS,
  RegistrationLimitsLogMessage,
} from './registration-limits.constants';

/**
 * Keeps `registration_email_limits` small: at startup and then hourly, as the outbox prunes sent
 * emails, it deletes the mailboxes whose window has passed.
 */
@Injectable()
export class MailboxLimitPruner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly pruning: PeriodicPrune;

  constructor(limit: MailboxLimit, logger: PinoLogger) {
    // PinoLogger is transient: this instance is the pruner's own.
    logger.setContext(REGISTRATION_LIMITS_LOGGER_NAME);
    this.pruning = new PeriodicPrune(() => limit.prune(), REGISTRATION_LIMITS_PRUNE_INTERVAL_MS, {
      logger,
      pruned: RegistrationLimitsLogMessage.pruned,
      cannotPrune: RegistrationLimitsLogMessage.cannotPrune,
    });
  }

  onApplicationBootstrap(): void {
    this.pruning.start();
  }

  // Before the database closes (on application shutdown), so a prune under way can finish.
  beforeApplicationShutdown(): Promise<void> {
    return this.pruning.stop();
  }
}
