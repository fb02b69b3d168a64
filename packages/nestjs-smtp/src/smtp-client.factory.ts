import type { PinoLogger } from 'nestjs-pino';
import { DisabledSmtpClient } from './disabled-smtp.client.js';
import type { SmtpModuleOptions } from './interfaces/smtp-module-options.interface.js';
import type { SmtpNaming } from './interfaces/smtp-naming.interface.js';
import { parseMailbox } from './mailbox.js';
import { NodemailerSmtpClient } from './nodemailer-smtp.client.js';
import type { SmtpClient } from './smtp.client.js';
import { createSmtpClientContext } from './smtp-client.context.js';

/**
 * Chooses the implementation once, at startup: the real client when SMTP is enabled, the
 * silent no-op otherwise. Options given in code are checked here so a bad `from` stops startup
 * instead of failing every send.
 */
export function createSmtpClient(options: SmtpModuleOptions, logger: PinoLogger, naming: SmtpNaming): SmtpClient {
  if (!options.enabled) return new DisabledSmtpClient();
  const sender = parseMailbox(options.from);
  if (!sender) throw new Error('SmtpModule option "from" must be an email address, optionally with a name');
  return new NodemailerSmtpClient(options, sender, createSmtpClientContext(logger, naming));
}
