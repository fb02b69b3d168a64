import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SmtpClient } from '../smtp';
import type { RegisterUserDto } from './dto/register-user.dto';
import { hashPassword } from './password-hasher';
import { registrationMail } from './registration-mail';
import { toUserView, type User, type UserView } from './user';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly smtp: SmtpClient,
  ) {}

  /**
   * Registers a pending user and sends the registration email in the background: the response
   * never waits on SMTP. Throws `EmailTakenError` for a registered email (no email is sent then).
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
    await this.users.insert(user);
    // A failed send is logged by the SMTP client ("Failed to send email") and must not fail the
    // registration, so the rejection is handled here and goes no further.
    this.smtp.send(registrationMail(user)).catch(() => undefined);
    return toUserView(user);
  }
}
