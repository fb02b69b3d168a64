import type { Letter } from './letter';
import type { Locale } from './locale';
import type { NotificationTemplate, RenderedNotification } from './notification-template';

/** How a notification's letter becomes an email: see `plainText` and `textAndHtml`. */
export type LetterFormat = (letter: Letter, locale: Locale) => RenderedNotification;

/**
 * A notification written once per locale: the `Record` makes a missing translation a compile error.
 * @example defineNotification('registration', { firstName: 'Ivan' }, plainText, { en: ..., ru: ... })
 */
export function defineNotification<P>(
  name: string,
  sample: P,
  format: LetterFormat,
  letters: Readonly<Record<Locale, (params: P) => Letter>>,
): NotificationTemplate<P> {
  return { name, sample, render: (params, locale) => format(letters[locale](params), locale) };
}
