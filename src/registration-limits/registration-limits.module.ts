import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { MailboxLimit } from './mailbox-limit';
import { MailboxLimitPruner } from './mailbox-limit.pruner';
import { registrationLimitsConfig, type RegistrationLimitsConfigType } from './registration-limits.config';
import { WindowThrottlerStorage } from './window-throttler.storage';

/**
 * Registration's defences against being used to mail-bomb: a per-IP limit (the throttler, in
 * memory, applied to a route with `@LimitRegistrations()`) and a per-mailbox limit
 * ({@link MailboxLimit}, in the database, claimed in the registration's transaction).
 */
@Module({
  imports: [
    // The throttler is configured here but guards only the routes that ask for it: health
    // checks and metrics must never be refused.
    ThrottlerModule.forRootAsync({
      inject: [registrationLimitsConfig.KEY],
      useFactory: (config: RegistrationLimitsConfigType) => ({
        // Unnamed (`default`), so the guard's header is the plain `Retry-After`, not `Retry-After-<name>`.
        throttlers: [{ limit: config.ipLimit, ttl: config.ipWindowSeconds * 1000 }],
        storage: new WindowThrottlerStorage(),
      }),
    }),
  ],
  providers: [MailboxLimit, MailboxLimitPruner],
  exports: [MailboxLimit],
})
export class RegistrationLimitsModule {}
