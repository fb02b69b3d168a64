import { ConfigType, registerAs } from '@nestjs/config';
import { EnvironmentReader } from '../config/environment-reader';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const LOG_FORMATS = ['json', 'console'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** How and how much the app logs. */
export interface LoggingConfig {
  /** `LOG_LEVEL`, default `info`; `debug` shows every email sent (the operator doc). */
  level: LogLevel;
  /** `LOG_FORMAT`: `json` (default, one object per line) or `console` (the doc's tab-separated layout). */
  format: LogFormat;
}

export function parseLoggingEnvironment(env: NodeJS.ProcessEnv): Readonly<LoggingConfig> {
  const reader = new EnvironmentReader(env);
  return reader.result({
    level: reader.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    format: reader.oneOf('LOG_FORMAT', LOG_FORMATS, 'json'),
  });
}

export const loggingConfig = registerAs('logging', () => parseLoggingEnvironment(process.env));
export type LoggingConfigType = ConfigType<typeof loggingConfig>;
