export { MailboxLimit, MailboxRecentlyEmailedError } from './mailbox-limit';
export { LimitRegistrations } from './registration-limits.decorator';
export { registrationLimitsConfig, type RegistrationLimitsConfig } from './registration-limits.config';
export { RegistrationLimitsModule } from './registration-limits.module';
export { TooManyRequestsException } from './too-many-requests.exception';
