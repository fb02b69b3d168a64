import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** User registration, stored in the database, with its email queued in the outbox. */
@Module({
  imports: [OutboxModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository],
})
export class UsersModule {}
