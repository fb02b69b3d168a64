import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Database } from '../database/database';
import { DATABASE } from '../database/database.constants';
import { type Locale, registrationNotification, registrationWaitingNotification } from '../notifications';
import { MailOutbox } from '../outbox/mail-outbox';
import { MailboxLimit } from '../registration-limits';
import type { RegisterUserDto } from './dto/register-user.dto';
import { hashPassword } from './password-hasher';
import { registrationNotifyConfig, type RegistrationNotifyConfigType } from './registration-notify.config';
import { toUserView, type User, type UserView } from './user';
import { UsersRepository } from './users.repository';

/** The language administrators are written to: nothing tells us theirs, and English is the product's. */
const ADMINISTRATOR_LOCALE: Locale = 'en';

@Injectable()
export class UsersService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly outbox: MailOutbox,
    private readonly mailboxLimit: MailboxLimit,
    @Inject(registrationNotifyConfig.KEY) private readonly notify: RegistrationNotifyConfigType,
  ) {}

  /**
   * Registers a pending user who reads `locale`, and queues in the same transaction the
   * registration email and one notice to each REGISTRATION_NOTIFY_TO address: all of it exists
   * or none does. The response never waits on SMTP. Throws `EmailTakenError` for a registered
   * email, and `MailboxRecentlyEmailedError` when the mailbox had a registration email within its
   * window; nothing is stored or queued then.
   */
  async register(dto: RegisterUserDto, locale: Locale): Promise<UserView> {
    const user: User = {
      id: randomUUID(),
      email: dto.email,
      firstName: dto.firstName,
      lastName: dto.lastName ?? null,
      status: 'pending',
      locale,
      createdAt: new Date(),
      passwordHash: await hashPassword(dto.password),
    };
    await this.db.transaction(async (transaction) => {
      // The user first: a taken email is a 409 whatever the mailbox's window says, and its claim
      // of the window is never made.
      await this.users.insert(transaction, user);
      await this.mailboxLimit.claim(transaction, user.email);
      // Rendered now, in the user's language: the outbox keeps the finished email, so sending it
      // later never reads the user again.
      await this.outbox.enqueue(transaction, {
        to: user.email,
        ...registrationNotification.render({ firstName: user.firstName }, user.locale),
      });
      const notice = registrationWaitingNotification.render(user, ADMINISTRATOR_LOCALE);
      // One email per administrator: each is retried, or fails, on its own, so one bad address
      // neither delays the others nor shows them who else is on the list.
      for (const administrator of this.notify.recipients) {
        await this.outbox.enqueue(transaction, { to: administrator, ...notice });
      }
    });
    return toUserView(user);
  }
}
