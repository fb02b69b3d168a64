/** Logger name of the registration limits' own lines (a refused request shows in the access log as 429). */
export const REGISTRATION_LIMITS_LOGGER_NAME = 'server.registrationLimits';

/** How often mailboxes whose window has passed are forgotten. */
export const REGISTRATION_LIMITS_PRUNE_INTERVAL_MS = 60 * 60 * 1000;

/** The `message` of each 429 reply. */
export const RegistrationLimitMessage = {
  tooManyFromNetwork: 'Too many registrations from your network; try again later',
  mailboxRecentlyEmailed: 'A registration email was sent to this mailbox recently; try again later',
} as const;

/** Log messages of `server.registrationLimits`. */
export const RegistrationLimitsLogMessage = {
  pruned: 'Pruned expired registration email limits',
  cannotPrune: 'Cannot prune expired registration email limits',
} as const;
