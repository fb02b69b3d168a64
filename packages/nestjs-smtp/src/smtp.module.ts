import { Module } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { SmtpClient } from './smtp.client.js';
import { createSmtpClient } from './smtp-client.factory.js';
import { ConfigurableModuleClass, SMTP_MODULE_OPTIONS, SMTP_NAMING } from './smtp.module-definition.js';

/**
 * Provides {@link SmtpClient}. Needs nestjs-pino's `LoggerModule` in the app (its lines are
 * logged by `server.api.smtpClient` unless the `loggerName` extra says otherwise). The options,
 * which hold the password, stay inside: other parts read `SmtpClient.description`.
 *
 * @example
 * SmtpModule.forRoot({ enabled: true, host: 'smtp.example.com', port: 587, security: 'starttls',
 *   auth: { user: 'noreply@example.com', pass: secret }, from: 'noreply@example.com' })
 * @example
 * SmtpModule.forRootAsync({ ...smtpConfig.asProvider(), isGlobal: true }) // from SMTP_* environment variables
 */
@Module({
  providers: [
    {
      provide: SmtpClient,
      inject: [SMTP_MODULE_OPTIONS, PinoLogger, SMTP_NAMING],
      useFactory: createSmtpClient,
    },
  ],
  exports: [SmtpClient],
})
export class SmtpModule extends ConfigurableModuleClass {}
