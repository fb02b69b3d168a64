export type { SmtpMessage, SmtpSendOptions } from './interfaces/smtp-message.interface';
export type { SmtpSendResult } from './interfaces/smtp-send-result.interface';
export type {
  SmtpDisabledOptions,
  SmtpEnabledOptions,
  SmtpModuleOptions,
  SmtpSecurity,
  SmtpTimeouts,
} from './interfaces/smtp-module-options.interface';
export { hasControlCharacter, isEmailAddress } from './mailbox';
export { createMessageId } from './message-composer';
export { SmtpClient } from './smtp.client';
export { smtpConfig, type SmtpConfigType } from './smtp.config';
export { DEFAULT_SMTP_POOL_SIZE, SMTP_LOGGER_NAME } from './smtp.constants';
export { type SmtpSendEvent, smtpSendChannel } from './smtp.diagnostics';
export { SmtpModule } from './smtp.module';
export { SMTP_MODULE_OPTIONS } from './smtp.module-definition';
export { SmtpSendError } from './smtp-send.error';
