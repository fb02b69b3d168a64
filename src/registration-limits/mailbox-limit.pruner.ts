import { type BeforeApplicationShutdown, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { MailboxLimit } from './mailbox-limit';
import {
  REGISTRATION_LIMITS_LOGGER_NAME,
  REGISTRATION_LIMITS_PRUNE_INTERVAL_MS,
  RegistrationLimitsLogMessage,
} from './registration-limits.constants';

/**
 * Keeps `registration_email_limits` small: at startup and then hourly, as the outbox prunes sent
 * emails, it deletes the mailboxes whose window has passed. Every instance does it; a second
 * deletion of the same rows finds nothing.
 */
@Injectable()
export class MailboxLimitPruner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private pruning?: Promise<void>;

  constructor(
    private readonly limit: MailboxLimit,
    private readonly logger: PinoLogger,
  ) {
    // PinoLogger is transient: this instance is the pruner's own.
    logger.setContext(REGISTRATION_LIMITS_LOGGER_NAME);
  }

  onApplicationBootstrap(): void {
    this.pruning = this.prune();
    this.timer = setInterval(() => {
      this.pruning = this.prune();
    }, REGISTRATION_LIMITS_PRUNE_INTERVAL_MS).unref();
  }

  // Before the database closes (on application shutdown), so a prune under way can finish.
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.pruning;
  }

  /** Never rejects: a failure is logged, and the next round tries again. */
  private async prune(): Promise<void> {
    try {
      const pruned = await this.limit.prune();
      if (pruned > 0) this.logger.info({ pruned }, RegistrationLimitsLogMessage.pruned);
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, RegistrationLimitsLogMessage.cannotPrune);
    }
  }
}
