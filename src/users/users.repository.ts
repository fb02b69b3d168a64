import type { User } from './user';

/** Thrown by {@link UsersRepository.insert} when the email (case-insensitive) is taken. */
export class EmailTakenError extends Error {
  override name = 'EmailTakenError';
  constructor() {
    super('A user with this email is already registered');
  }
}

/** Where users live. Emails are unique regardless of case. */
export abstract class UsersRepository {
  /** Stores a new user, or throws {@link EmailTakenError}. */
  abstract insert(user: User): Promise<void>;
}

/**
 * Users kept in process memory: they are gone on restart, and each instance has its own.
 * A database-backed repository replaces it when persistence lands.
 */
export class InMemoryUsersRepository extends UsersRepository {
  private readonly byEmail = new Map<string, User>();

  insert(user: User): Promise<void> {
    // Check and set in one synchronous step, so concurrent registrations cannot both win.
    const key = user.email.toLowerCase();
    if (this.byEmail.has(key)) return Promise.reject(new EmailTakenError());
    this.byEmail.set(key, user);
    return Promise.resolve();
  }
}
