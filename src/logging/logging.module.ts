import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream } from 'pino';
import { loggingConfig, type LoggingConfigType } from './logging.config';
import { LOG_DESTINATION } from './logging.constants';
import { createPinoParams } from './pino-params';

/** Structured logging for the whole app (nestjs-pino), configured by `LOG_LEVEL` and `LOG_FORMAT`. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      providers: [{ provide: LOG_DESTINATION, useFactory: () => pino.destination(1) }],
      inject: [loggingConfig.KEY, LOG_DESTINATION],
      useFactory: (config: LoggingConfigType, destination: DestinationStream) => createPinoParams(config, destination),
    }),
  ],
})
export class LoggingModule {}
