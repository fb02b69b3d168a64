import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { SmtpModule, smtpConfig } from '@solidpoint/nestjs-smtp';
import { LoggerModule } from 'nestjs-pino';
import { PasswordNoticesController } from './password-notices.controller.js';
import { PasswordNotices } from './password-notices.service.js';

@Module({
  imports: [
    ConfigModule.forRoot({ ignoreEnvFile: true, load: [smtpConfig] }),
    LoggerModule.forRootAsync({
      useFactory: () => ({ pinoHttp: { level: process.env.LOG_LEVEL ?? 'info' }, renameContext: 'logger' }),
    }),
    // The operator doc's SMTP_* variables; this service names its own logger.
    SmtpModule.forRootAsync({ ...smtpConfig.asProvider(), loggerName: 'accounts.notices.smtp' }),
  ],
  controllers: [PasswordNoticesController],
  providers: [PasswordNotices],
})
export class AppModule {}
