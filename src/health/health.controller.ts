import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { DatabaseHealthIndicator } from './database.health';
import { SmtpHealthIndicator } from './smtp.health';

/**
 * Probes for orchestrators and monitoring. See the README's "Health" section for what each
 * answer means.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly smtp: SmtpHealthIndicator,
  ) {}

  /** Liveness: the process answers HTTP. Restarting it would not fix a database or SMTP outage. */
  @Get('live')
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /**
   * Readiness: 503 when the database is down (registrations cannot be stored). SMTP down is
   * reported in the body (`status: "error"`, `error.smtp`) with 200: registrations are still
   * accepted and queued, so the instance must stay in rotation.
   */
  @Get('ready')
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.database.isHealthy('database'), () => this.smtp.isHealthy('smtp')]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      if (result.error?.database) throw error;
      return result;
    }
  }
}
