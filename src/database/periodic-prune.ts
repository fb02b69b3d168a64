import type { PinoLogger } from 'nestjs-pino';
import { describeError } from '../logging/error-description';

/** How a {@link PeriodicPrune} reports its rounds. */
export interface PruneLog {
  logger: PinoLogger;
  /** Logged at info, with the count, when a round deleted rows. */
  pruned: string;
  /** Logged at warn, with the error, when a round failed. */
  cannotPrune: string;
  /** Added to the "pruned" line, e.g. the retention period. */
  fields?: Record<string, unknown>;
}

/**
 * Deletes what a table no longer needs: one round at once, then one every `intervalMs` (the
 * timer does not keep the process alive). A failed round is logged and the next one tries again.
 * Every instance runs its own; a second deletion of the same rows finds nothing.
 */
export class PeriodicPrune {
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;

  /** @param prune deletes and returns how many rows it deleted */
  constructor(
    private readonly prune: () => Promise<number>,
    private readonly intervalMs: number,
    private readonly log: PruneLog,
  ) {}

  start(): void {
    this.round = this.run();
    this.timer = setInterval(() => {
      this.round = this.run();
    }, this.intervalMs).unref();
  }

  /** Stops the rounds and waits for one under way, so that it ends before the database closes. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  private async run(): Promise<void> {
    const { logger, pruned: prunedMessage, cannotPrune, fields } = this.log;
    try {
      const pruned = await this.prune();
      if (pruned > 0) logger.info({ pruned, ...fields }, prunedMessage);
    } catch (error) {
      logger.warn({ error: describeError(error) }, cannotPrune);
    }
  }
}
