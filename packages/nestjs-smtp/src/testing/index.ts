export { InMemorySmtpClient, type SentEmail, type SentEmailFilter } from './in-memory-smtp.client.js';
export { SmtpTestingModule } from './smtp-testing.module.js';
