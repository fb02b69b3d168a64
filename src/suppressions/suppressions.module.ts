import { Module } from '@nestjs/common';
import { SuppressionsRepository } from './suppressions.repository';

/**
 * Mailboxes that refused mail for good (hard bounces), kept in the database so that every
 * instance holds back mail to them. The outbox records and honours them.
 */
@Module({
  providers: [SuppressionsRepository],
  exports: [SuppressionsRepository],
})
export class SuppressionsModule {}
