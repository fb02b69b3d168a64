import { ConfigType, registerAs } from '@nestjs/config';
import { EnvironmentReader } from '../config/environment-reader';

/** How the outbox worker retries and keeps emails. */
export interface OutboxConfig {
  /** `SMTP_RETRY_DELAY`: seconds before the first retry; each later one waits twice as long. Default 30. */
  retryDelaySeconds: number;
  /** `SMTP_MAX_ATTEMPTS`: attempts before an email is marked failed. Default 10 (about 3 hours of retries). */
  maxAttempts: number;
  /** `OUTBOX_RETENTION_DAYS`: how long sent emails are kept before they are pruned. Default 7. */
  retentionDays: number;
  /** `OUTBOX_LEASE_SECONDS`: how long a claimed email may stay "sending" before another worker takes it over. Default 120. */
  leaseSeconds: number;
}

export function parseOutboxEnvironment(env: NodeJS.ProcessEnv): Readonly<OutboxConfig> {
  const reader = new EnvironmentReader(env);
  return reader.result({
    retryDelaySeconds: reader.integer('SMTP_RETRY_DELAY', 30, 1),
    maxAttempts: reader.integer('SMTP_MAX_ATTEMPTS', 10, 1),
    retentionDays: reader.integer('OUTBOX_RETENTION_DAYS', 7, 1),
    leaseSeconds: reader.integer('OUTBOX_LEASE_SECONDS', 120, 1),
  });
}

export const outboxConfig = registerAs('outbox', () => parseOutboxEnvironment(process.env));
export type OutboxConfigType = ConfigType<typeof outboxConfig>;
