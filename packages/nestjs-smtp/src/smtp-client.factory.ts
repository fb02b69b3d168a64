import type { PinoLogger } from 'nestjs-pino';
import { DisabledSmtpClient } from './disabled-smtp.client';
import type { SmtpModuleOptions } from './interfaces/smtp-module-options.interface';
import type { SmtpNaming } from './interfaces/smtp-naming.interface';
import { parseMailbox } from './mailbox';
import { NodemailerSmtpClient } from './nodemailer-smtp.client';
import type { SmtpClient } from './smtp.client';
import { createSmtpClientContext } from './smtp-client.context';

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
