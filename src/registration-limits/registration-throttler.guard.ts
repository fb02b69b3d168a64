import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler';
import { clientNetwork } from './client-network';
import { RegistrationLimitMessage } from './registration-limits.constants';
import { TooManyRequestsException } from './too-many-requests.exception';

/**
 * The per-IP registration limit: the throttler's guard, counting by client network (`req.ip`,
 * which `TRUST_PROXY` decides) and refusing with {@link TooManyRequestsException}. It runs before
 * validation and password hashing, so a refused request costs no hashing.
 */
@Injectable()
export class RegistrationThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(req: { ip?: string }): Promise<string> {
    return Promise.resolve(clientNetwork(req.ip));
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    return Promise.reject(
      new TooManyRequestsException(RegistrationLimitMessage.tooManyFromNetwork, detail.timeToBlockExpire),
    );
  }
}
