import { hasControlCharacter } from '@solidpoint/nestjs-smtp';
import { StartupError } from '../config/startup.error';
import { LOCALES } from './locale';
import type { NotificationTemplate, RenderedNotification } from './notification-template';

/** Thrown at startup for a notification that cannot be rendered into a sendable email. */
export class BrokenNotificationError extends StartupError {
  override name = 'BrokenNotificationError';
}

/** What is wrong with a rendered notification, or undefined when it can be sent. */
function problemOf({ subject, text, html }: RenderedNotification): string | undefined {
  if (subject.trim() === '') return 'its subject is empty';
  // The SMTP client would refuse it at send time; at startup the operator learns it at once.
  if (hasControlCharacter(subject)) return 'its subject contains a control character (CR, LF, ...)';
  if (text.trim() === '') return 'its text is empty';
  if (html?.trim() === '') return 'its HTML is empty';
  return undefined;
}

/**
 * Renders every template with its sample in every locale, so a broken one stops the app at
 * startup, with one line naming it and the locale, instead of failing the first user it concerns.
 */
export function checkNotifications(templates: readonly NotificationTemplate<unknown>[]): void {
  for (const template of templates) {
    for (const locale of LOCALES) {
      let problem: string | undefined;
      try {
        problem = problemOf(template.render(template.sample, locale));
      } catch (error) {
        problem = `rendering it threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
      }
      if (problem !== undefined) {
        throw new BrokenNotificationError(`Notification "${template.name}" in locale ${locale} is broken: ${problem}`);
      }
    }
  }
}
