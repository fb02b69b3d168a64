import { parseRegistrationNotifyEnvironment } from './registration-notify.config';

describe('parseRegistrationNotifyEnvironment', () => {
  it.each([
    [{}, []],
    [{ REGISTRATION_NOTIFY_TO: '' }, []],
    [{ REGISTRATION_NOTIFY_TO: 'admin@solidlab.ru' }, ['admin@solidlab.ru']],
    [{ REGISTRATION_NOTIFY_TO: 'admin@solidlab.ru, ops@solidlab.ru' }, ['admin@solidlab.ru', 'ops@solidlab.ru']],
    [{ REGISTRATION_NOTIFY_TO: 'admin@solidlab.ru,ADMIN@solidlab.ru' }, ['admin@solidlab.ru']],
  ])('reads %j as %j', (env, recipients) => {
    expect(parseRegistrationNotifyEnvironment(env)).toEqual({ recipients });
  });

  it.each([
    ['admin', '"admin"'],
    ['admin@solidlab.ru,,ops@solidlab.ru', '""'],
    ['Admin <admin@solidlab.ru>', '"Admin <admin@solidlab.ru>"'],
    ['admin@solidlab.ru\r\nBcc: x@example.com', '"admin@solidlab.ru\\r\\nBcc: x@example.com"'],
  ])('refuses REGISTRATION_NOTIFY_TO=%j in one line naming the variable and %s', (value, quoted) => {
    expect(() => parseRegistrationNotifyEnvironment({ REGISTRATION_NOTIFY_TO: value })).toThrow(
      `Invalid configuration: REGISTRATION_NOTIFY_TO must be a comma-separated list of email addresses, e.g. admin@example.com,ops@example.com; ${quoted} is not one`,
    );
  });
});
