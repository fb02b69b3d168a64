import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseHealthIndicator } from './database.health';
import { HealthController } from './health.controller';
import { SmtpHealthIndicator } from './smtp.health';

/** `GET /health/live`, and `GET /health/ready` with its alias `GET /health`. */
@Module({
  // Probes come every few seconds: a failing check is in the answer, not in the logs each time.
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [DatabaseHealthIndicator, SmtpHealthIndicator],
})
export class HealthModule {}
