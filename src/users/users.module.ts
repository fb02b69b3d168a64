import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications';
import { OutboxModule } from '../outbox/outbox.module';
import { RegistrationLimitsModule } from '../registration-limits';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/**
 * User registration, stored in the database, with its emails (the user's, the administrators')
 * queued in the outbox, within the registration limits.
 */
@Module({
  imports: [NotificationsModule, OutboxModule, RegistrationLimitsModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository],
})
export class UsersModule {}
