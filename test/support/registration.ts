import request from 'supertest';

export const VALID_PASSWORD = 'correct horse battery staple';

/** POSTs a registration for `email` (and optional extra fields) to the app at `url`. */
export function register(url: string, email: string, fields: Record<string, unknown> = {}) {
  return request(url)
    .post('/users')
    .send({ email, firstName: 'Ivan', password: VALID_PASSWORD, ...fields });
}
