import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';
import { InMemoryUsersRepository, UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** User registration. Needs `SmtpClient` from an imported (or global) `SmtpModule`. */
@Module({
  controllers: [UsersController],
  providers: [UsersService, { provide: UsersRepository, useClass: InMemoryUsersRepository }],
})
export class UsersModule {}
