import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { ServerResponse } from 'node:http';
import { TooManyRequestsException } from './too-many-requests.exception';

/** Answers {@link TooManyRequestsException} as Nest answers any HTTP error, plus `Retry-After` in seconds. */
@Catch(TooManyRequestsException)
export class RetryAfterFilter extends BaseExceptionFilter {
  override catch(exception: TooManyRequestsException, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<ServerResponse>().setHeader('Retry-After', String(exception.retryAfterSeconds));
    super.catch(exception, host);
  }
}
