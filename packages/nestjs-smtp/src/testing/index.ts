export { InMemorySmtpClient, type SentEmail, type SentEmailFilter } from './in-memory-smtp.client';
export { SmtpTestingModule } from './smtp-testing.module';
