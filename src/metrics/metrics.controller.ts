import { Controller, Get, Header, Inject, NotFoundException } from '@nestjs/common';
import type { AppMetrics } from './app-metrics';
import { METRICS_REGISTRY } from './metrics.constants';

/** `GET /metrics` in Prometheus' text format; 404 when `METRICS_ENABLED=false`. */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly metrics: AppMetrics | null) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    if (!this.metrics) throw new NotFoundException();
    return this.metrics.registry.metrics();
  }
}
