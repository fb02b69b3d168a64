import { Body, ConflictException, Controller, Post } from '@nestjs/common';
import { LimitRegistrations, MailboxRecentlyEmailedError, TooManyRequestsException } from '../registration-limits';
import type { Locale } from '../notifications';
import { RegisterUserDto } from './dto/register-user.dto';
import { PreferredLocale } from './preferred-locale.decorator';
import type { UserView } from './user';
import { EmailTakenError } from './users.repository';
import { UsersService } from './users.service';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /**
   * Registers a user: 201 with the user, 400 for invalid fields, 409 when the email is taken, 429
   * (with `Retry-After`) over the per-IP limit, checked first, or when the mailbox was sent a
   * registration email within its window. The user's emails are in `locale` when the body gives
   * one, otherwise in the language `Accept-Language` prefers, otherwise in English.
   */
  @Post()
  @LimitRegistrations()
  async register(@Body() body: RegisterUserDto, @PreferredLocale() accepted: Locale): Promise<UserView> {
    try {
      return await this.users.register(body, body.locale ?? accepted);
    } catch (error) {
      if (error instanceof EmailTakenError) throw new ConflictException(error.message);
      if (error instanceof MailboxRecentlyEmailedError) {
        throw new TooManyRequestsException(error.message, error.retryAfterSeconds);
      }
      throw error;
    }
  }
}
