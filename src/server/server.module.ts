import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { jsonBodyParser } from './json-body.middleware';
import { UnexpectedErrorFilter } from './unexpected-error.filter';

/**
 * What every route shares at the HTTP level: request bodies are parsed here, by module
 * middleware, because that runs after nestjs-pino's access logger (global modules' middleware
 * comes first). A body refused with 400, 413 or 415 is then logged like any other request, which
 * Nest's own parser, mounted before all module middleware, does not allow. The app must be
 * created with `bodyParser: false`: see `createHttpApplication`. Errors that are not HTTP errors
 * are answered and logged by {@link UnexpectedErrorFilter}.
 */
@Module({ providers: [{ provide: APP_FILTER, useClass: UnexpectedErrorFilter }] })
export class ServerModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(jsonBodyParser()).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
