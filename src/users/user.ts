/** A registered user as stored. `passwordHash` never leaves the users module. */
export interface User {
  id: string;
  email: string;
  firstName: string;
  lastName: string | null;
  status: 'pending';
  createdAt: Date;
  passwordHash: string;
}

/** What the API returns for a user: everything but the password hash. */
export type UserView = Omit<User, 'passwordHash'>;

export function toUserView({ passwordHash: _hidden, ...view }: User): UserView {
  return view;
}
