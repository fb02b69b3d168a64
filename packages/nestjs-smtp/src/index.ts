// The package's only door: what is not exported here is internal and may change in any release.
export type { SmtpDescription } from './interfaces/smtp-description.interface.js';
export type { SmtpAttempt, SmtpMessage, SmtpSendOptions } from './interfaces/smtp-message.interface.js';
export type {
  SmtpDisabledOptions,
  SmtpDkimOptions,
  SmtpEnabledOptions,
  SmtpModuleOptions,
  SmtpOAuth2Auth,
  SmtpPasswordAuth,
  SmtpSecurity,
  SmtpServerOptions,
  SmtpThrottleBackoff,
  SmtpTimeouts,
} from './interfaces/smtp-module-options.interface.js';
export type { SmtpServerState, SmtpThrottlePause } from './interfaces/smtp-server-state.interface.js';
export type { SmtpNaming } from './interfaces/smtp-naming.interface.js';
export type { SmtpRecipientRefusal } from './interfaces/smtp-recipient-refusal.interface.js';
export type { SmtpSendResult } from './interfaces/smtp-send-result.interface.js';
export { hasControlCharacter, isEmailAddress } from './mailbox.js';
export { createMessageId } from './message-composer.js';
export { SmtpClient } from './smtp.client.js';
export { parseSmtpEnvironment, smtpConfig, type SmtpConfigType } from './smtp.config.js';
export {
  DEFAULT_MIME_BOUNDARY_PREFIX,
  DEFAULT_SMTP_FAILOVER_RETRY_MS,
  DEFAULT_SMTP_POOL_SIZE,
  DEFAULT_SMTP_SEND_CHANNEL,
  DEFAULT_SMTP_THROTTLE_BACKOFF,
  SMTP_LOGGER_NAME,
} from './smtp.constants.js';
export type { SmtpSendEvent } from './smtp.diagnostics.js';
export { SmtpEnvironmentError } from './smtp-environment.error.js';
export { SmtpModule } from './smtp.module.js';
export type { SmtpModuleExtras } from './smtp.module-definition.js';
export { SmtpSendError } from './smtp-send.error.js';
