import request from 'supertest';

export const VALID_PASSWORD = 'correct horse battery staple';

/**
 * Tests register many users from 127.0.0.1, so every test app gets the per-IP limit lifted
 * unless the test sets it; `REGISTRATION_IP_LIMIT: ''` gives it the default again.
 */
export const GENEROUS_LIMITS = { REGISTRATION_IP_LIMIT: '1000000' };

/** POSTs a registration for `email` (and optional extra fields) to the app at `url` (or an in-process app's server). */
export function register(url: Parameters<typeof request>[0], email: string, fields: Record<string, unknown> = {}) {
  return request(url)
    .post('/users')
    .send({ email, firstName: 'Ivan', password: VALID_PASSWORD, ...fields });
}
