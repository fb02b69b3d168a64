import type { INestApplicationContext, ModuleMetadata, Type } from '@nestjs/common';
import { ConfigModule, type ConfigFactory } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { StartupError } from '../config/startup.error';
import { DatabaseModule } from '../database/database.module';
import { describeFatalError } from '../logging/error-description';

/**
 * What every command-line tool runs on: its configuration, the database, and log lines on stderr,
 * warnings only, so that stdout holds only the command's output. Never the HTTP server nor the
 * outbox worker.
 */
export function commandLineImports(configs: ConfigFactory[]): NonNullable<ModuleMetadata['imports']> {
  return [
    ConfigModule.forRoot({ isGlobal: true, load: configs }),
    LoggerModule.forRoot({ pinoHttp: [{ level: 'warn' }, pino.destination(2)], renameContext: 'logger' }),
    DatabaseModule,
  ];
}

/**
 * Runs `command` with the process's arguments in an application context of `module`, then exits
 * with the code it returns. A startup error (configuration, a data directory another process
 * holds) is printed as its one line, with exit code 1.
 */
export function runCommandLine(
  module: Type,
  command: (app: INestApplicationContext, args: string[]) => Promise<number>,
): void {
  const main = async (): Promise<number> => {
    const app = await NestFactory.createApplicationContext(module, { logger: false, abortOnError: false });
    try {
      return await command(app, process.argv.slice(2));
    } finally {
      await app.close();
    }
  };
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof StartupError ? error.message : describeFatalError(error)}\n`);
      process.exit(1);
    },
  );
}
