import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { SmtpModuleOptions } from './interfaces/smtp-module-options.interface.js';
import type { SmtpNaming } from './interfaces/smtp-naming.interface.js';
import { DEFAULT_MIME_BOUNDARY_PREFIX, DEFAULT_SMTP_SEND_CHANNEL, SMTP_LOGGER_NAME } from './smtp.constants.js';

/** Injection tokens */

/** @internal The module's {@link SmtpNaming}, from the extras of `forRoot` / `forRootAsync`. */
export const SMTP_NAMING = 'SMTP_NAMING';

/**
 * `SmtpModule.forRoot` / `forRootAsync` extras: given beside the options (`useFactory`…), never
 * computed at runtime. Every field is optional.
 */
export interface SmtpModuleExtras extends Partial<SmtpNaming> {
  /** Registers the module globally, so feature modules inject `SmtpClient` without importing it. */
  isGlobal?: boolean;
}

const DEFAULT_EXTRAS: Required<SmtpModuleExtras> = {
  isGlobal: false,
  loggerName: SMTP_LOGGER_NAME,
  sendChannel: DEFAULT_SMTP_SEND_CHANNEL,
  mimeBoundaryPrefix: DEFAULT_MIME_BOUNDARY_PREFIX,
};

// Exported for SmtpModule and the testing module; the package's entry point exports neither token.
export const {
  ConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: SMTP_MODULE_OPTIONS,
  OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<SmtpModuleOptions>({ moduleName: 'Smtp' })
  .setClassMethodName('forRoot')
  .setExtras<SmtpModuleExtras>(DEFAULT_EXTRAS, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
    providers: [...(definition.providers ?? []), { provide: SMTP_NAMING, useValue: namingOf(extras) }],
  }))
  .build();

/**
 * @internal The naming among `extras` (which, from `forRoot`, hold the options too), completed with the
 * defaults.
 */
export function namingOf(extras: Partial<SmtpNaming>): Readonly<SmtpNaming> {
  return Object.freeze({
    loggerName: extras.loggerName ?? DEFAULT_EXTRAS.loggerName,
    sendChannel: extras.sendChannel ?? DEFAULT_EXTRAS.sendChannel,
    mimeBoundaryPrefix: extras.mimeBoundaryPrefix ?? DEFAULT_EXTRAS.mimeBoundaryPrefix,
  });
}
