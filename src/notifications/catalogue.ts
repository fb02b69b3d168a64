import { registrationMail } from '../users/registration-mail';

// PLACEHOLDER until issue 13's template catalogue is merged: the shared contract's exact shape with
// only the registration email, whose English text stands in for both locales. The real catalogue
// replaces this file at merge.

export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** One notification as it goes into an email. */
export interface RenderedNotification {
  subject: string;
  text: string;
  html?: string;
}

/** A notification the app sends: a typed function of its parameters and a locale. */
export interface NotificationTemplate<P> {
  /** Unique and file-name safe, e.g. `registration`. */
  readonly name: string;
  /** Parameters to render it with where no real ones exist: the startup check and previews. */
  readonly sample: P;
  render(params: P, locale: Locale): RenderedNotification;
}

const registration: NotificationTemplate<{ firstName: string }> = {
  name: 'registration',
  sample: { firstName: 'Ivan' },
  render: ({ firstName }) => {
    const { subject, text } = registrationMail({ email: 'placeholder@solidpoint.localhost', firstName });
    return { subject, text };
  },
};

/** Every notification the app sends. */
// The parameters differ per notification; each is rendered with its own sample, typed alike.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const NOTIFICATIONS: readonly NotificationTemplate<any>[] = [registration];
