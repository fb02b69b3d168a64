import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { InvalidEnvironmentError } from './config/invalid-environment.error';
import { serverConfig, type ServerConfigType } from './server/server.config';

async function bootstrap(): Promise<void> {
  // Logs are held until the app's own logger is ready, and dropped if startup fails: a
  // configuration error is then reported as one line below, not as a stack trace.
  const app = await NestFactory.create(AppModule, { bufferLogs: true, autoFlushLogs: false, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.enableShutdownHooks();
  const { port, host } = app.get<ServerConfigType>(serverConfig.KEY);
  await app.listen(port, host);
  app.get(Logger).log(`Listening on http://${host}:${port}`, 'NestApplication');
}

bootstrap().catch((error: unknown) => {
  if (error instanceof InvalidEnvironmentError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Startup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
