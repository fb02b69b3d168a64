import type { SmtpMessage } from '@solidpoint/nestjs-smtp';

/**
 * The "Registration for SolidPoint" email, word for word as in the operator doc (including its
 * typographic apostrophe). The name only ever reaches the body, never a header.
 */
export function registrationMail(user: { email: string; firstName: string }): SmtpMessage {
  return {
    to: user.email,
    subject: 'Registration for SolidPoint',
    text: [
      `${user.firstName}, welcome to SolidPoint`,
      '',
      'Please wait until your organization\u2019s administrator activates your account.',
      '',
      'You are receiving this email because your email address was used to register for the SolidPoint dashboard. If this was not you, please ignore this message.',
      '',
    ].join('\n'),
  };
}
