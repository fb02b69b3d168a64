import { BadRequestException, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { isEmailAddress } from '@solidpoint/nestjs-smtp';
import { PasswordNotices } from './password-notices.service.js';

@Controller('password-notices')
export class PasswordNoticesController {
  constructor(private readonly notices: PasswordNotices) {}

  /** `POST /password-notices {"email": "…"}`: 202 with the notice's Message-ID once the server accepted it. */
  @Post()
  @HttpCode(202)
  async create(@Body() body: { email?: unknown }): Promise<{ messageId: string }> {
    if (typeof body?.email !== 'string' || !isEmailAddress(body.email))
      throw new BadRequestException('"email" must be an email address');
    return this.notices.passwordChanged(body.email, new Date());
  }
}
