import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { isUniqueViolation, type Database, type Queryable } from '../database/database';
import { DATABASE } from '../database/database.constants';
import { users, type UserStatus } from '../database/schema';
import type { User, UserListing } from './user';

/** Thrown by {@link UsersRepository.insert} when the email (case-insensitive) is taken. */
export class EmailTakenError extends Error {
  override name = 'EmailTakenError';
  constructor() {
    super('A user with this email is already registered');
  }
}

const { passwordHash: _neverListed, ...LISTED_COLUMNS } = getTableColumns(users);

/** The user whose email is `email` in any letter case: the unique index on lower(email) finds them. */
const hasEmail = (email: string) => eq(sql`lower(${users.email})`, email.toLowerCase());

/** The `users` table. The database's unique index on lower(email) decides who registered first. */
@Injectable()
export class UsersRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Stores a new user, or throws {@link EmailTakenError}. */
  async insert(queryable: Queryable, user: User): Promise<void> {
    try {
      await queryable.insert(users).values(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError();
      throw error;
    }
  }

  /**
   * Moves the pending user with `email` to `status` and returns them; undefined when no pending
   * user has that email. One statement: of two concurrent calls, the second waits for the first's
   * transaction and then finds the user no longer pending.
   */
  async decide(queryable: Queryable, email: string, status: UserStatus): Promise<User | undefined> {
    const [user] = await queryable
      .update(users)
      .set({ status })
      .where(and(hasEmail(email), eq(users.status, 'pending')))
      .returning();
    return user;
  }

  /** The status of the user with `email`, or undefined when there is none. */
  async statusOf(queryable: Queryable, email: string): Promise<UserStatus | undefined> {
    const [user] = await queryable.select({ status: users.status }).from(users).where(hasEmail(email));
    return user?.status;
  }

  /** Users in `status`, or all, oldest first (the order they wait in), without their password hashes. */
  async list(status?: UserStatus): Promise<UserListing[]> {
    return this.db
      .select(LISTED_COLUMNS)
      .from(users)
      .where(status === undefined ? undefined : eq(users.status, status))
      .orderBy(asc(users.createdAt), asc(users.email));
  }
}
