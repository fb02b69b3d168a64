import { type ArgumentsHost, Catch, HttpException, HttpStatus } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { PinoLogger } from 'nestjs-pino';
import { describeError } from '../logging/error-description';
import { HTTP_LOGGER_NAME } from '../logging/logging.constants';
import { ServerLogMessage } from './server.constants';

/** Nest's own reply to an unknown error, with nothing of the error in it. */
const INTERNAL_SERVER_ERROR = new HttpException(
  { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' },
  HttpStatus.INTERNAL_SERVER_ERROR,
);

/**
 * Answers an error that is not an HTTP error (a fault of the server, such as a database error) with
 * Nest's usual 500 body, and logs it as one line: what {@link describeError} allows, without a
 * stack. Nest's own handler would log the error's message and stack, and a database error's
 * message holds the query's parameters (a recipient, a password hash). HTTP errors go on to Nest.
 */
@Catch()
export class UnexpectedErrorFilter extends BaseExceptionFilter {
  constructor(private readonly logger: PinoLogger) {
    super();
    // PinoLogger is transient: this instance is the filter's own.
    logger.setContext(HTTP_LOGGER_NAME);
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (exception instanceof HttpException) return super.catch(exception, host);
    this.logger.error({ error: describeError(exception) }, ServerLogMessage.requestFailed);
    super.catch(INTERNAL_SERVER_ERROR, host);
  }
}
