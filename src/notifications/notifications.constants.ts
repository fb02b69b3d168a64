/** Injection tokens */

/** The templates the startup check renders: `NOTIFICATIONS`, unless a test gives others. */
export const NOTIFICATION_CATALOGUE = 'NOTIFICATION_CATALOGUE';

/** The startup check of {@link NOTIFICATION_CATALOGUE}; nothing injects it, building it is the check. */
export const NOTIFICATION_CATALOGUE_CHECK = 'NOTIFICATION_CATALOGUE_CHECK';
