import { Test } from '@nestjs/testing';
import { SmtpClient, type SmtpModuleExtras, SmtpModule, type SmtpModuleOptions } from '@solidpoint/nestjs-smtp';
import { LoggerModule } from 'nestjs-pino';
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import { LogCapture } from './log-capture';

/**
 * SmtpModule embedded the way a backend engineer would: its own Nest app, nestjs-pino, options
 * in code, logs captured in memory.
 */
export async function embedSmtpModule(options: SmtpModuleOptions, extras: SmtpModuleExtras = {}) {
  __resetOutOfContextForTests();
  const logs = new LogCapture();
  const moduleRef = await Test.createTestingModule({
    imports: [
      LoggerModule.forRoot({ pinoHttp: [{ level: 'debug' }, logs], renameContext: 'logger' }),
      SmtpModule.forRootAsync({ useFactory: () => options, ...extras }),
    ],
  }).compile();
  await moduleRef.init();
  return { smtp: moduleRef.get(SmtpClient), logs, close: () => moduleRef.close() };
}

/** {@link embedSmtpModule} sending through `server`, a plain-SMTP relay on loopback, from `from`. */
export function embedRelayingSmtpModule(server: { port: number }, from: string) {
  return embedSmtpModule({ enabled: true, host: '127.0.0.1', port: server.port, security: 'none', from });
}
