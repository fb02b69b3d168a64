import { applyDecorators, UseFilters, UseGuards } from '@nestjs/common';
import { RegistrationThrottlerGuard } from './registration-throttler.guard';
import { RetryAfterFilter } from './retry-after.filter';

/**
 * Puts a route under the per-IP registration limit, which runs before validation and the
 * handler, and sends `Retry-After` with every 429 the route answers (the per-IP one, and the
 * per-mailbox one the handler raises as `TooManyRequestsException`).
 */
export function LimitRegistrations(): MethodDecorator & ClassDecorator {
  return applyDecorators(UseGuards(RegistrationThrottlerGuard), UseFilters(RetryAfterFilter));
}
