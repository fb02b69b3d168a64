import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { SmtpMessage } from './interfaces/smtp-message.interface';
import { hasControlCharacter, isEmailAddress, type Mailbox, parseMailbox } from './mailbox';

/** A message ready for the wire: the envelope and the exact bytes sent as DATA. */
export interface ComposedMessage {
  envelope: { from: string; to: string[] };
  /** The whole MIME message with CRLF line endings, before dot-stuffing. */
  raw: string;
  /** The Message-ID header's value, e.g. `<uuid@solidpoint.example>`. */
  messageId: string;
}

/** Thrown for a message that must not be sent as given (bad address, header injection). */
export class InvalidSmtpMessageError extends Error {
  override name = 'InvalidSmtpMessageError';
}

/**
 * Builds a message once, with nodemailer's MailComposer, so the bytes logged are the bytes sent.
 * Text parts are quoted-printable when not plain ASCII; line endings are CRLF throughout
 * (MailComposer leaves a body's bare LFs, which the wire would otherwise rewrite).
 */
export async function composeMessage(defaultSender: Mailbox, message: SmtpMessage): Promise<ComposedMessage> {
  const sender = message.from === undefined ? defaultSender : parseMailbox(message.from);
  if (!sender) throw new InvalidSmtpMessageError('"from" is not an email address');
  const to = typeof message.to === 'string' ? [message.to] : [...message.to];
  if (to.length === 0) throw new InvalidSmtpMessageError('"to" has no recipient');
  if (!to.every(isEmailAddress)) throw new InvalidSmtpMessageError('"to" holds something that is not an email address');
  if (hasControlCharacter(message.subject)) throw new InvalidSmtpMessageError('"subject" contains a control character');

  const messageId = message.messageId ?? createMessageId(sender.address);
  if (!MESSAGE_ID.test(messageId)) throw new InvalidSmtpMessageError('"messageId" is not <id@domain>');
  const composer = new MailComposer({
    from: sender,
    to,
    subject: message.subject,
    text: toLf(message.text),
    html: message.html === undefined ? undefined : toLf(message.html),
    textEncoding: 'quoted-printable',
    messageId,
  });
  const built = await new Promise<Buffer>((resolve, reject) =>
    composer.compile().build((error, buffer) => (error ? reject(error) : resolve(buffer))),
  );
  return {
    envelope: { from: sender.address, to },
    raw: built.toString('utf8').replace(/\r?\n/g, '\r\n'),
    messageId,
  };
}

const MESSAGE_ID = /^<[\x21-\x3b\x3d\x3f-\x7e]+@[\x21-\x3b\x3d\x3f-\x7e]+>$/;

/**
 * A new, unique Message-ID in the sender's domain, e.g. `<8d1c…@solidpoint.example>`.
 * @param sender the sender's address, optionally as `Name <address>`
 */
export function createMessageId(sender: string): string {
  const address = parseMailbox(sender)?.address ?? sender;
  return `<${randomUUID()}@${address.slice(address.lastIndexOf('@') + 1)}>`;
}

function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
