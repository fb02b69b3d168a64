import type { UserStatus } from '../database/schema';
import type { Locale } from '../notifications';

/** A registered user as stored. `passwordHash` never leaves the users module. */
export interface User {
  id: string;
  email: string;
  firstName: string;
  lastName: string | null;
  status: UserStatus;
  /** The language of the user's emails. */
  locale: Locale;
  createdAt: Date;
  passwordHash: string;
}

/** What `POST /users` returns for a user: what the API has always answered, never the hash. */
export type UserView = Omit<User, 'passwordHash' | 'locale'>;

export function toUserView({ passwordHash: _hidden, locale: _notInTheApi, ...view }: User): UserView {
  return view;
}

/** A user as the users CLI lists them: everything but the password hash. */
export type UserListing = Omit<User, 'passwordHash'>;
