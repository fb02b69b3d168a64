import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_PIPE } from '@nestjs/core';
import { databaseConfig } from './database/database.config';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { loggingConfig } from './logging/logging.config';
import { outboxConfig } from './outbox/outbox.config';
import { LoggingModule } from './logging/logging.module';
import { metricsConfig } from './metrics/metrics.config';
import { MetricsModule } from './metrics/metrics.module';
import { registrationLimitsConfig } from './registration-limits';
import { serverConfig } from './server/server.config';
import { ServerModule } from './server/server.module';
import { StrictValidationPipe } from './server/strict-validation.pipe';
import { SmtpModule, smtpConfig } from '@solidpoint/nestjs-smtp';
import { MIME_BOUNDARY_PREFIX, SMTP_SEND_CHANNEL } from './smtp-naming';
import { registrationNotifyConfig } from './users/registration-notify.config';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      load: [
        serverConfig,
        loggingConfig,
        smtpConfig,
        databaseConfig,
        outboxConfig,
        metricsConfig,
        registrationLimitsConfig,
        registrationNotifyConfig,
      ],
      // Tests set their environment explicitly; a developer's .env must not leak into them.
      ignoreEnvFile: process.env.NODE_ENV === 'test',
    }),
    LoggingModule,
    ServerModule,
    DatabaseModule,
    SmtpModule.forRootAsync({
      ...smtpConfig.asProvider(),
      isGlobal: true,
      sendChannel: SMTP_SEND_CHANNEL,
      mimeBoundaryPrefix: MIME_BOUNDARY_PREFIX,
    }),
    UsersModule,
    HealthModule,
    MetricsModule,
  ],
  providers: [{ provide: APP_PIPE, useClass: StrictValidationPipe }],
})
export class AppModule {}
