import { ConfigType, registerAs } from '@nestjs/config';
import { EnvironmentReader } from '../config/environment-reader';

/** Whether `GET /metrics` is served. */
export interface MetricsConfig {
  /** `METRICS_ENABLED`: `true` (default) or `false`. */
  enabled: boolean;
}

export function parseMetricsEnvironment(env: NodeJS.ProcessEnv): Readonly<MetricsConfig> {
  const reader = new EnvironmentReader(env);
  return reader.result({ enabled: reader.oneOf('METRICS_ENABLED', ['true', 'false'], 'true') === 'true' });
}

export const metricsConfig = registerAs('metrics', () => parseMetricsEnvironment(process.env));
export type MetricsConfigType = ConfigType<typeof metricsConfig>;
