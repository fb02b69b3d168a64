import type { Locale } from './locale';

/** One notification as it goes into an email: its subject, its text, and optionally an HTML alternative. */
export interface RenderedNotification {
  subject: string;
  text: string;
  /** The same content as `text`, as HTML; absent for a plain-text email. */
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
