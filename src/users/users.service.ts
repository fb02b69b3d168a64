import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Database } from '../database/database';
import { DATABASE } from '../database/database.constants';
import { MailOutbox } from '../outbox/mail-outbox';
import { MailboxLimit } from '../registration-limits';
import type { RegisterUserDto } from './dto/register-user.dto';
import { hashPassword } from './password-hasher';
import { registrationMail } from './registration-mail';
import { toUserView, type User, type UserView } from './user';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly outbox: MailOutbox,
    private readonly mailboxLimit: MailboxLimit,
  ) {}

  /**
   * Registers a pending user and queues the registration email in the same transaction: both
   * exist or neither does. The response never waits on SMTP. Throws `EmailTakenError` for a
   * registered email, and `MailboxRecentlyEmailedError` when the mailbox had a registration
   * email within its window; nothing is stored or queued then.
   */
  async register(dto: RegisterUserDto): Promise<UserView> {
    const user: User = {
      id: randomUUID(),
      email: dto.email,
      firstName: dto.firstName,
      lastName: dto.lastName ?? null,
      status: 'pending',
      createdAt: new Date(),
      passwordHash: await hashPassword(dto.password),
    };
    await this.db.transaction(async (transaction) => {
      // The user first: a taken email is a 409 whatever the mailbox's window says, and its claim
      // of the window is never made.
      await this.users.insert(transaction, user);
      await this.mailboxLimit.claim(transaction, user.email);
      await this.outbox.enqueue(transaction, registrationMail(user));
    });
    return toUserView(user);
  }
}
