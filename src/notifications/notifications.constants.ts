/** Injection tokens */

/** The templates the startup check renders: `NOTIFICATIONS`, unless a test gives others. */
export const NOTIFICATION_CATALOGUE = 'NOTIFICATION_CATALOGUE';
