import { Controller, Get, type OnModuleDestroy, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { DatabaseHealthIndicator } from './database.health';
import { SmtpHealthIndicator } from './smtp.health';

/**
 * Probes for orchestrators and monitoring. See the README's "Health" section for what each
 * answer means.
 */
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private stopping = false;

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
   * The first shutdown hook Nest calls, before the outbox drains (up to 10 s): from here on
   * readiness is 503, so a load balancer stops sending while requests in flight still finish.
   */
  onModuleDestroy(): void {
    this.stopping = true;
  }

  /**
   * Readiness: 503 when the database is down (registrations cannot be stored) or the app is
   * shutting down. SMTP down is reported in the body (`status: "error"`, `error.smtp`) with 200:
   * registrations are still accepted and queued, so the instance must stay in rotation.
   * Plain `/health` answers the same, for monitors that probe the conventional path.
   */
  @Get(['', 'ready'])
  async ready(): Promise<HealthCheckResult> {
    if (this.stopping) {
      throw new ServiceUnavailableException({ status: 'shutting_down', info: {}, error: {}, details: {} });
    }
    try {
      return await this.health.check([() => this.database.isHealthy('database'), () => this.smtp.isHealthy('smtp')]);
    } catch (error) {
      if (error instanceof ServiceUnavailableException && onlySmtpIsDown(error.getResponse() as HealthCheckResult)) {
        return error.getResponse() as HealthCheckResult;
      }
      throw error;
    }
  }
}

function onlySmtpIsDown(result: HealthCheckResult): boolean {
  return result.status === 'error' && Object.keys(result.error ?? {}).join() === 'smtp';
}
