import { Injectable } from '@nestjs/common';
import { isUniqueViolation, type Queryable } from '../database/database';
import { users } from '../database/schema';
import type { User } from './user';

/** Thrown by {@link UsersRepository.insert} when the email (case-insensitive) is taken. */
export class EmailTakenError extends Error {
  override name = 'EmailTakenError';
  constructor() {
    super('A user with this email is already registered');
  }
}

/** The `users` table. The database's unique index on lower(email) decides who registered first. */
@Injectable()
export class UsersRepository {
  /** Stores a new user, or throws {@link EmailTakenError}. */
  async insert(queryable: Queryable, user: User): Promise<void> {
    try {
      await queryable.insert(users).values(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError();
      throw error;
    }
  }
}
