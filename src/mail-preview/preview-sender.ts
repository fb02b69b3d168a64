import { isEmailAddress } from '@solidpoint/nestjs-smtp';
import { InMemorySmtpClient } from '@solidpoint/nestjs-smtp/testing';
import { StartupError } from '../config/startup.error';

/** The sender previews show when the environment names none, as `npm run mail:dev` suggests it. */
export const SAMPLE_SENDER = 'SolidPoint <noreply@solidpoint.localhost>';

/** Whom every preview is addressed to: the operator doc's own example user. */
export const SAMPLE_RECIPIENT = 'ivanov.ivan@solidlab.ru';

/** The sender of the previews and which setting it came from. */
export interface PreviewSender {
  from: string;
  source: 'SMTP_FROM' | 'SMTP_USERNAME' | 'sample';
}

/**
 * The app's own rule for its default sender (SMTP_FROM, else an SMTP_USERNAME that is an email
 * address), with a sample when neither is set: previews need no SMTP configuration.
 */
export function previewSender(env: NodeJS.ProcessEnv): PreviewSender {
  if (env.SMTP_FROM) return { from: acceptedSender(env.SMTP_FROM), source: 'SMTP_FROM' };
  if (env.SMTP_USERNAME && isEmailAddress(env.SMTP_USERNAME))
    return { from: env.SMTP_USERNAME, source: 'SMTP_USERNAME' };
  return { from: SAMPLE_SENDER, source: 'sample' };
}

/** `from` if the SMTP client accepts it as its sender (its constructor checks it); else a StartupError. */
function acceptedSender(from: string): string {
  try {
    new InMemorySmtpClient(from);
  } catch {
    throw new StartupError(
      'mail:preview: SMTP_FROM must be an email address, optionally with a name: "SolidPoint <noreply@example.com>"',
    );
  }
  return from;
}
