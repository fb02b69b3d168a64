import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import { AppModule } from '../../src/app.module';
import { LOG_DESTINATION } from '../../src/logging/logging.constants';
import { createHttpApplication } from '../../src/server/create-http-application';
import { type InMemorySmtpClient, SmtpTestingModule } from '@solidpoint/nestjs-smtp/testing';
import { LogCapture } from './log-capture';
import { GENEROUS_LIMITS } from './registration';
import { createTestDatabase } from './test-database';

/** Every variable the app reads; each test app sees only the ones it is given. */
const APP_VARIABLES = [
  'PORT',
  'HOST',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'SMTP_ADDRESS',
  'SMTP_USERNAME',
  'SMTP_PASSWORD',
  'SMTP_FROM',
  'SMTP_TLS',
  'SMTP_AUTH',
  'SMTP_OAUTH_TOKEN_URL',
  'SMTP_OAUTH_CLIENT_ID',
  'SMTP_OAUTH_CLIENT_SECRET',
  'SMTP_OAUTH_SCOPE',
  'SMTP_OAUTH_REFRESH_TOKEN',
  'SMTP_DKIM_DOMAIN',
  'SMTP_DKIM_SELECTOR',
  'SMTP_DKIM_PRIVATE_KEY',
  'METRICS_ENABLED',
  'TRUST_PROXY',
  'REGISTRATION_IP_LIMIT',
  'REGISTRATION_IP_WINDOW',
  'REGISTRATION_EMAIL_WINDOW',
  'REGISTRATION_NOTIFY_TO',
  // Set from the test database: cleared too, so an app on the embedded database never sees the
  // DATABASE_URL of another.
  'DATABASE_URL',
  'DATA_DIR',
  'EMBEDDED_DATABASE_SETTINGS',
];

export interface TestApp {
  app: NestExpressApplication;
  logs: LogCapture;
  close(): Promise<void>;
}

/**
 * The real AppModule in this process, with `env` as its environment (and a fresh test database,
 * unless `env` names one) and its log lines captured in memory. For what does not need the built app's own process (TLS trust, exit codes, signals).
 * @param smtp captures the app's emails instead of its SMTP client (SMTP counts as enabled)
 */
export async function createTestApp(env: Record<string, string> = {}, smtp?: InMemorySmtpClient): Promise<TestApp> {
  const database = 'DATABASE_URL' in env || 'DATA_DIR' in env ? {} : await createTestDatabase();
  const saved = Object.fromEntries(APP_VARIABLES.map((name) => [name, process.env[name]]));
  APP_VARIABLES.forEach((name) => delete process.env[name]);
  Object.assign(process.env, database, GENEROUS_LIMITS, env);
  // nestjs-pino keeps the first app's logger for lines logged outside a request; each test app
  // needs its own (the helper exists for tests like this one).
  __resetOutOfContextForTests();

  const logs = new LogCapture();
  const builder = Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(LOG_DESTINATION)
    .useValue(logs);
  const moduleRef = await (smtp ? SmtpTestingModule.override(builder, smtp) : builder).compile();
  const app = await createHttpApplication((options) =>
    moduleRef.createNestApplication<NestExpressApplication>({ ...options, bufferLogs: true }),
  );
  app.useLogger(app.get(Logger));
  await app.init();

  return {
    app,
    logs,
    async close() {
      await app.close();
      APP_VARIABLES.forEach((name) =>
        saved[name] === undefined ? delete process.env[name] : (process.env[name] = saved[name]),
      );
    },
  };
}
