export { accountActivatedNotification } from './account-activated.notification';
export { LOCALES, type Locale, NOTIFICATIONS, type NotificationTemplate, type RenderedNotification } from './catalogue';
export { DEFAULT_LOCALE } from './locale';
export { NotificationsModule } from './notifications.module';
export { registrationDeclinedNotification } from './registration-declined.notification';
export { registrationWaitingNotification } from './registration-waiting.notification';
export { registrationNotification } from './registration.notification';
export type { AddressedUser } from './user-letter';
