import type { PinoLogger } from 'nestjs-pino';
import { DisabledSmtpClient } from './disabled-smtp.client';
import type { SmtpModuleOptions } from './interfaces/smtp-module-options.interface';
import { parseMailbox } from './mailbox';
import { NodemailerSmtpClient } from './nodemailer-smtp.client';
import type { SmtpClient } from './smtp.client';
import { SmtpSendLog } from './smtp-send.log';

/**
 * Chooses the implementation once, at startup: the real client when SMTP is enabled, the
 * silent no-op otherwise. Options given in code are checked here so a bad `from` stops startup
 * instead of failing every send.
 */
export function createSmtpClient(options: SmtpModuleOptions, logger: PinoLogger): SmtpClient {
  if (!options.enabled) return new DisabledSmtpClient();
  const sender = parseMailbox(options.from);
  if (!sender) throw new Error('SmtpModule option "from" must be an email address, optionally with a name');
  return new NodemailerSmtpClient(options, sender, new SmtpSendLog(logger));
}
