import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * 429, with the seconds after which the same request may succeed; {@link RetryAfterFilter} sends
 * them as `Retry-After`. The body has the shape of Nest's other errors:
 * `{ message, error: 'Too Many Requests', statusCode: 429 }`.
 */
export class TooManyRequestsException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(
      HttpException.createBody(message, 'Too Many Requests', HttpStatus.TOO_MANY_REQUESTS),
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
