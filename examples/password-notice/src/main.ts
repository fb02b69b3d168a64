import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SmtpEnvironmentError } from '@solidpoint/nestjs-smtp';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';

try {
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.listen(Number(process.env.PORT ?? 3001), '127.0.0.1');
} catch (error) {
  // A wrong SMTP_* variable: one line for the operator, no stack.
  if (!(error instanceof SmtpEnvironmentError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
