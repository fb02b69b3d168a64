import { Injectable, UnprocessableEntityException, ServiceUnavailableException } from '@nestjs/common';
import { SmtpClient, SmtpSendError } from '@solidpoint/nestjs-smtp';

/** Tells a user their password changed: the email a second service sends through the package. */
@Injectable()
export class PasswordNotices {
  constructor(private readonly smtp: SmtpClient) {}

  async passwordChanged(email: string, changedAt: Date): Promise<{ messageId: string }> {
    try {
      const { messageId } = await this.smtp.send({
        to: email,
        subject: 'Your password was changed',
        text:
          `The password of your account was changed on ${changedAt.toISOString()}.\n\n` +
          'If this was not you, reset your password now and contact your administrator.\n',
      });
      return { messageId };
    } catch (error) {
      // The client has logged the failure; its classification decides what the caller hears.
      if (error instanceof SmtpSendError && error.permanent)
        throw new UnprocessableEntityException(`The notice cannot be delivered: ${error.message}`);
      if (error instanceof SmtpSendError)
        throw new ServiceUnavailableException('The mail server is unavailable; try again later');
      throw error;
    }
  }
}
