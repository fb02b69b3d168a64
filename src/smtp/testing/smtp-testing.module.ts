import { type DynamicModule, Module } from '@nestjs/common';
import type { TestingModuleBuilder } from '@nestjs/testing';
import { PinoLogger } from 'nestjs-pino';
import type { SmtpEnabledOptions } from '../interfaces/smtp-module-options.interface';
import { SmtpClient } from '../smtp.client';
import { SMTP_MODULE_OPTIONS } from '../smtp.module-definition';
import { InMemorySmtpClient } from './in-memory-smtp.client';

/**
 * `SmtpModule` for tests: the same providers (`SmtpClient`, `SMTP_MODULE_OPTIONS`), with an
 * {@link InMemorySmtpClient} that captures every message instead of sending it. SMTP counts as
 * enabled, so code that sends only when SMTP is on (the outbox) does send, into memory.
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
   * A global module providing an in-memory client whose default sender is `from`. Like
   * `SmtpModule`, it needs nestjs-pino's `LoggerModule` in the app.
   */
  static forRoot(options: { from?: string } = {}): DynamicModule {
    const client = new InMemorySmtpClient(options.from);
    return {
      module: SmtpTestingModule,
      global: true,
      providers: [
        {
          provide: InMemorySmtpClient,
          inject: [PinoLogger],
          useFactory: (logger: PinoLogger) => client.useLogger(logger),
        },
        { provide: SmtpClient, useExisting: InMemorySmtpClient },
        { provide: SMTP_MODULE_OPTIONS, useValue: testingOptions(client) },
      ],
      exports: [InMemorySmtpClient, SmtpClient, SMTP_MODULE_OPTIONS],
    };
  }

  /** Replaces, in `builder`, whatever `SmtpModule` would provide with `client`. */
  static override(builder: TestingModuleBuilder, client: InMemorySmtpClient): TestingModuleBuilder {
    return builder
      .overrideProvider(SmtpClient)
      .useFactory({ factory: (logger: PinoLogger) => client.useLogger(logger), inject: [PinoLogger] })
      .overrideProvider(SMTP_MODULE_OPTIONS)
      .useValue(testingOptions(client));
  }
}

/** Enabled options that name no reachable server: the in-memory client never connects anywhere. */
function testingOptions(client: InMemorySmtpClient): SmtpEnabledOptions {
  return Object.freeze({ enabled: true, host: 'smtp-testing.invalid', port: 25, security: 'none', from: client.from });
}
