import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { OutboxModule } from '../outbox/outbox.module';
import { OutboxRepository } from '../outbox/outbox.repository';
import { AppMetrics } from './app-metrics';
import { metricsConfig, type MetricsConfigType } from './metrics.config';
import { METRICS_LOGGER_NAME, METRICS_REGISTRY } from './metrics.constants';
import { MetricsController } from './metrics.controller';

/** Prometheus metrics on `GET /metrics`, unless `METRICS_ENABLED=false` (then nothing is collected). */
@Module({
  imports: [OutboxModule],
  controllers: [MetricsController],
  providers: [
    {
      provide: METRICS_REGISTRY,
      inject: [metricsConfig.KEY, OutboxRepository, PinoLogger],
      useFactory: (config: MetricsConfigType, outbox: OutboxRepository, logger: PinoLogger): AppMetrics | null => {
        if (!config.enabled) return null;
        logger.setContext(METRICS_LOGGER_NAME);
        return new AppMetrics(outbox, logger);
      },
    },
  ],
})
export class MetricsModule implements OnApplicationShutdown {
  constructor(@Inject(METRICS_REGISTRY) private readonly metrics: AppMetrics | null) {}

  onApplicationShutdown(): void {
    this.metrics?.close();
  }
}
