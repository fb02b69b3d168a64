import type { PinoLogger } from 'nestjs-pino';
import type { SmtpNaming } from './interfaces/smtp-naming.interface.js';
import { SmtpSendPublisher } from './smtp.diagnostics.js';
import { SmtpSendLog } from './smtp-send.log.js';

/** What every client that composes messages shares: where it logs, publishes and how it names boundaries. */
export interface SmtpClientContext {
  log: SmtpSendLog;
  sends: SmtpSendPublisher;
  boundaryPrefix: string;
}

/** The context for `naming`, logging through `logger`. */
export function createSmtpClientContext(logger: PinoLogger, naming: SmtpNaming): SmtpClientContext {
  return {
    log: new SmtpSendLog(logger, naming.loggerName),
    sends: new SmtpSendPublisher(naming.sendChannel),
    boundaryPrefix: naming.mimeBoundaryPrefix,
  };
}
