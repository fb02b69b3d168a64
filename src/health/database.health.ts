import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../database/database';
import { DATABASE } from '../database/database.constants';
import { HEALTH_CHECK_WAIT_MS, HealthMessage } from './health.constants';
import { describeError } from '../logging/error-description';

/** Whether the database answers a query, within 3 s. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  async isHealthy(key: string) {
    const indicator = this.health.check(key);
    const timeout = sleep(HEALTH_CHECK_WAIT_MS, HealthMessage.databaseNoAnswer(HEALTH_CHECK_WAIT_MS / 1000), {
      ref: false,
    });
    const error = await Promise.race([
      this.db.execute(sql`SELECT 1`).then(
        () => undefined,
        (failure: unknown) => describeError(failure),
      ),
      timeout,
    ]);
    return error === undefined ? indicator.up() : indicator.down({ message: error });
  }
}
