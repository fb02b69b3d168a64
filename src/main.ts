// First: what it sets must be in place before the modules below load.
import './early-start';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SmtpEnvironmentError } from '@solidpoint/nestjs-smtp';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { StartupError } from './config/startup.error';
import { describeFatalError } from './logging/error-description';
import { createHttpApplication } from './server/create-http-application';
import { warnOfMissingNodeFlags } from './server/node-flags';
import { serverConfig, type ServerConfigType } from './server/server.config';

async function bootstrap(): Promise<void> {
  // Logs are held until the app's own logger is ready, and dropped if startup fails: an error the
  // operator must fix (configuration, database) is then reported as one line below.
  const app = await createHttpApplication((options) =>
    NestFactory.create<NestExpressApplication>(AppModule, {
      ...options,
      bufferLogs: true,
      autoFlushLogs: false,
      abortOnError: false,
    }),
  );
  app.useLogger(app.get(Logger));
  app.flushLogs();
  warnOfMissingNodeFlags(app);
  app.enableShutdownHooks();
  const { port, host } = app.get<ServerConfigType>(serverConfig.KEY);
  await app.listen(port, host);
  app.get(Logger).log(`Listening on http://${host}:${port}`, 'NestApplication');
}

bootstrap().catch((error: unknown) => {
  // The SMTP package's configuration error is worded for the operator as our own are.
  if (error instanceof StartupError || error instanceof SmtpEnvironmentError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Startup failed: ${describeFatalError(error)}\n`);
  }
  process.exit(1);
});
