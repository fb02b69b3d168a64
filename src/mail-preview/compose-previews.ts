import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InMemorySmtpClient, SmtpTestingModule } from '@solidpoint/nestjs-smtp/testing';
import { LoggerModule } from 'nestjs-pino';
import { LOCALES, type Locale, NOTIFICATIONS } from '../notifications/catalogue';
import { MIME_BOUNDARY_PREFIX, SMTP_SEND_CHANNEL } from '../smtp-naming';
import { SAMPLE_RECIPIENT } from './preview-sender';

/** One notification in one locale, rendered with its sample parameters and composed for the wire. */
export interface MailPreview {
  name: string;
  locale: Locale;
  subject: string;
  text: string;
  html?: string;
  /** The whole message as the SMTP client sends it (CRLF line endings). */
  raw: string;
}

@Module({})
class MailPreviewModule {}

/**
 * Every notification in every locale, composed by the SMTP package's in-memory client: the same
 * composer as the real client, named as the app names it (`src/smtp-naming.ts`), so each `raw` is
 * what the app would send, but for its Message-ID, Date and multipart boundary, new for every send.
 */
export async function composePreviews(from: string): Promise<MailPreview[]> {
  const smtpModule = SmtpTestingModule.forRoot({
    from,
    sendChannel: SMTP_SEND_CHANNEL,
    mimeBoundaryPrefix: MIME_BOUNDARY_PREFIX,
  });
  const context = await NestFactory.createApplicationContext(
    { module: MailPreviewModule, imports: [LoggerModule.forRoot({ pinoHttp: { level: 'silent' } }), smtpModule] },
    { logger: false, abortOnError: false },
  );
  try {
    const smtp = context.get(InMemorySmtpClient);
    const previews: MailPreview[] = [];
    for (const notification of NOTIFICATIONS) {
      for (const locale of LOCALES) {
        const { subject, text, html } = notification.render(notification.sample, locale);
        await smtp.send({ to: SAMPLE_RECIPIENT, subject, text, html });
        const { raw } = smtp.sent[smtp.sent.length - 1];
        previews.push({ name: notification.name, locale, subject, text, html, raw });
      }
    }
    return previews;
  } finally {
    await context.close();
  }
}
