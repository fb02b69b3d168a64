import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '../database/database';
import { DATABASE } from '../database/database.constants';
import type { UserStatus } from '../database/schema';
import {
  accountActivatedNotification,
  type AddressedUser,
  type NotificationTemplate,
  registrationDeclinedNotification,
} from '../notifications';
import { MailOutbox } from '../outbox/mail-outbox';
import type { User } from './user';
import { UsersRepository } from './users.repository';

/** Thrown when the user to activate or reject does not exist, or is no longer pending. */
export class NotPendingError extends Error {
  override name = 'NotPendingError';
  constructor(email: string, status: UserStatus | undefined) {
    super(
      status === undefined
        ? `No user is registered with ${email}; nothing was changed or sent`
        : `${email} is ${status}, not pending; nothing was changed or sent`,
    );
  }
}

/** An administrator's decision on a pending registration, and the email that tells the user. */
const DECISIONS = {
  activate: { status: 'active', notification: accountActivatedNotification },
  reject: { status: 'rejected', notification: registrationDeclinedNotification },
} as const satisfies Record<string, { status: UserStatus; notification: NotificationTemplate<AddressedUser> }>;

export type AccountDecision = keyof typeof DECISIONS;

/** Administrators' decisions on pending users (the users CLI; there is no HTTP API for them). */
@Injectable()
export class AccountReviewService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly outbox: MailOutbox,
  ) {}

  /**
   * Activates or rejects the pending user with `email` (any letter case) and queues the email that
   * tells them, in their language, in the same transaction. Throws {@link NotPendingError} for an
   * unknown or already decided user: then nothing changes and nothing is queued, so a repeated
   * decision sends nothing more.
   */
  async decide(email: string, decision: AccountDecision): Promise<User> {
    const { status, notification } = DECISIONS[decision];
    return this.db.transaction(async (transaction) => {
      const user = await this.users.decide(transaction, email, status);
      if (user === undefined) throw new NotPendingError(email, await this.users.statusOf(transaction, email));
      await this.outbox.enqueue(transaction, {
        to: user.email,
        ...notification.render({ firstName: user.firstName }, user.locale),
      });
      return user;
    });
  }
}
