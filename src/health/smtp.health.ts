import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { setTimeout as sleep } from 'node:timers/promises';
import { SmtpClient } from '@solidpoint/nestjs-smtp';
import { HEALTH_CHECK_WAIT_MS, HealthMessage, SMTP_CHECK_CACHE_MS } from './health.constants';

interface SmtpCheck {
  checkedAt: Date;
  /** The same text a failed send logs; undefined when the server answered and took the credentials. */
  error?: string;
}

/**
 * Whether the SMTP server answers and accepts the credentials (`SmtpClient.verify`). The outcome
 * is kept for 30 s and concurrent probes share one check, so probes every few seconds cost one
 * SMTP session per 30 s; a server that does not answer within 3 s is reported down meanwhile.
 */
@Injectable()
export class SmtpHealthIndicator {
  private last?: SmtpCheck;
  private running?: Promise<void>;

  constructor(
    private readonly health: HealthIndicatorService,
    private readonly smtp: SmtpClient,
  ) {}

  async isHealthy(key: string) {
    const indicator = this.health.check(key);
    const smtp = this.smtp.description;
    if (!smtp.enabled) return indicator.up({ message: HealthMessage.smtpDisabled });
    const { checkedAt, error } = await this.current();
    const data = { host: smtp.host, port: smtp.port, checkedAt: checkedAt.toISOString(), ...this.servers() };
    return error === undefined ? indicator.up(data) : indicator.down({ ...data, message: error });
  }

  /**
   * With failover: the server in use and those marked down; with any server paused by
   * throttling: which, until when.
   */
  private servers(): Record<string, unknown> {
    const states = this.smtp.serverStates();
    const paused = states.flatMap(({ paused }) =>
      paused ? [{ server: paused.server, until: paused.until.toISOString(), reply: paused.reply }] : [],
    );
    return {
      ...(states.length > 1
        ? {
            inUse: states.find((state) => state.inUse)?.server ?? null,
            down: states.flatMap(({ server, down }) => (down ? [{ server, error: down.error }] : [])),
          }
        : {}),
      ...(paused.length > 0 ? { paused } : {}),
    };
  }

  private async current(): Promise<SmtpCheck> {
    if (this.last && Date.now() - this.last.checkedAt.getTime() < SMTP_CHECK_CACHE_MS) return this.last;
    this.running ??= this.check();
    await Promise.race([this.running, sleep(HEALTH_CHECK_WAIT_MS, undefined, { ref: false })]);
    return this.last ?? { checkedAt: new Date(), error: HealthMessage.smtpNoAnswer(HEALTH_CHECK_WAIT_MS / 1000) };
  }

  private async check(): Promise<void> {
    const error = await this.smtp.verify().then(
      () => undefined,
      (failure: Error) => failure.message,
    );
    this.last = { checkedAt: new Date(), error };
    this.running = undefined;
  }
}
