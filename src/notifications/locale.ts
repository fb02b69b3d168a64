/** The languages every notification is written in. */
export const LOCALES = ['en', 'ru'] as const;

/** A language of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** The language of a user who chose none and whose client asked for none we have. */
export const DEFAULT_LOCALE: Locale = 'en';
