import { accountActivatedNotification } from './account-activated.notification';
import type { NotificationTemplate } from './notification-template';
import { registrationDeclinedNotification } from './registration-declined.notification';
import { registrationWaitingNotification } from './registration-waiting.notification';
import { registrationNotification } from './registration.notification';

export { LOCALES, type Locale } from './locale';
export type { NotificationTemplate, RenderedNotification } from './notification-template';

/** Every notification the app sends: checked at startup, written out by the previews. */
// The parameters differ from one notification to the next; a caller renders one with its own
// sample, which is typed alike, so nothing is lost by forgetting the type here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const NOTIFICATIONS: readonly NotificationTemplate<any>[] = [
  registrationNotification,
  registrationWaitingNotification,
  accountActivatedNotification,
  registrationDeclinedNotification,
];
