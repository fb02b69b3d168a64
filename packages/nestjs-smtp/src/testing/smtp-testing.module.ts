import { type DynamicModule, Module } from '@nestjs/common';
import type { TestingModuleBuilder } from '@nestjs/testing';
import { PinoLogger } from 'nestjs-pino';
import type { SmtpDkimOptions } from '../interfaces/smtp-module-options.interface.js';
import type { SmtpNaming } from '../interfaces/smtp-naming.interface.js';
import { SmtpClient } from '../smtp.client.js';
import { createSmtpClientContext } from '../smtp-client.context.js';
import { namingOf, SMTP_NAMING } from '../smtp.module-definition.js';
import { InMemorySmtpClient } from './in-memory-smtp.client.js';

/**
 * `SmtpModule` for tests: the same `SmtpClient`, an {@link InMemorySmtpClient} that captures
 * every message instead of sending it. Its description says SMTP is enabled, so code that sends
 * only when SMTP is on (an outbox) does send, into memory.
 *
 * @example
 * // A feature module on its own:
 * const moduleRef = await Test.createTestingModule({ imports: [UsersModule, SmtpTestingModule.forRoot()] }).compile();
 * const smtp = moduleRef.get(InMemorySmtpClient);
 * @example
 * // A whole app whose root module imports SmtpModule.forRootAsync(…):
 * const smtp = new InMemorySmtpClient();
 * const moduleRef = await SmtpTestingModule.override(Test.createTestingModule({ imports: [AppModule] }), smtp).compile();
 * // … POST /users …
 * const email = await smtp.waitFor({ to: 'ivan@example.com', subject: 'Registration for SolidPoint' });
 */
@Module({})
export class SmtpTestingModule {
  /**
   * A global module providing an in-memory client whose default sender is `from`, signing with
   * `dkim` when given, named as `SmtpModule`'s extras would name it. Like `SmtpModule`, it needs
   * nestjs-pino's `LoggerModule` in the app.
   */
  static forRoot(options: { from?: string; dkim?: SmtpDkimOptions } & Partial<SmtpNaming> = {}): DynamicModule {
    const client = new InMemorySmtpClient(options.from, { dkim: options.dkim });
    const naming = namingOf(options);
    return {
      module: SmtpTestingModule,
      global: true,
      providers: [
        {
          provide: InMemorySmtpClient,
          inject: [PinoLogger],
          useFactory: (logger: PinoLogger) => client.attach(createSmtpClientContext(logger, naming)),
        },
        { provide: SmtpClient, useExisting: InMemorySmtpClient },
      ],
      exports: [InMemorySmtpClient, SmtpClient],
    };
  }

  /**
   * Replaces, in `builder`, the client `SmtpModule` would provide with `client`, which logs and
   * publishes as the app's `SmtpModule` is configured to.
   */
  static override(builder: TestingModuleBuilder, client: InMemorySmtpClient): TestingModuleBuilder {
    return builder.overrideProvider(SmtpClient).useFactory({
      factory: (logger: PinoLogger, naming: SmtpNaming) => client.attach(createSmtpClientContext(logger, naming)),
      inject: [PinoLogger, SMTP_NAMING],
    });
  }
}
