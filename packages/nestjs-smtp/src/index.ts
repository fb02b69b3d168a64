// The package's only door: what is not exported here is internal and may change in any release.
export type { SmtpDescription } from './interfaces/smtp-description.interface';
export type { SmtpAttempt, SmtpMessage, SmtpSendOptions } from './interfaces/smtp-message.interface';
export type {
  SmtpDisabledOptions,
  SmtpEnabledOptions,
  SmtpModuleOptions,
  SmtpSecurity,
  SmtpTimeouts,
} from './interfaces/smtp-module-options.interface';
export type { SmtpNaming } from './interfaces/smtp-naming.interface';
export type { SmtpSendResult } from './interfaces/smtp-send-result.interface';
export { hasControlCharacter, isEmailAddress } from './mailbox';
export { createMessageId } from './message-composer';
export { SmtpClient } from './smtp.client';
export { parseSmtpEnvironment, smtpConfig, type SmtpConfigType } from './smtp.config';
export {
  DEFAULT_MIME_BOUNDARY_PREFIX,
  DEFAULT_SMTP_POOL_SIZE,
  DEFAULT_SMTP_SEND_CHANNEL,
  SMTP_LOGGER_NAME,
} from './smtp.constants';
export type { SmtpSendEvent } from './smtp.diagnostics';
export { SmtpEnvironmentError } from './smtp-environment.error';
export { SmtpModule } from './smtp.module';
export type { SmtpModuleExtras } from './smtp.module-definition';
export { SmtpSendError } from './smtp-send.error';
