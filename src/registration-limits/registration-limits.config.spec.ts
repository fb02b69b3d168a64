import { parseRegistrationLimitsEnvironment } from './registration-limits.config';

describe('parseRegistrationLimitsEnvironment', () => {
  it('defaults to 10 registrations a minute per client network and one email an hour per mailbox', () => {
    expect(parseRegistrationLimitsEnvironment({})).toEqual({
      ipLimit: 10,
      ipWindowSeconds: 60,
      emailWindowSeconds: 3600,
    });
  });

  it('reads each variable', () => {
    expect(
      parseRegistrationLimitsEnvironment({
        REGISTRATION_IP_LIMIT: '3',
        REGISTRATION_IP_WINDOW: '600',
        REGISTRATION_EMAIL_WINDOW: '900',
      }),
    ).toEqual({ ipLimit: 3, ipWindowSeconds: 600, emailWindowSeconds: 900 });
  });

  it.each([
    [{ REGISTRATION_IP_LIMIT: '0' }, 'REGISTRATION_IP_LIMIT must be a whole number of at least 1; got "0"'],
    [{ REGISTRATION_IP_LIMIT: 'ten' }, 'REGISTRATION_IP_LIMIT must be a whole number of at least 1; got "ten"'],
    [{ REGISTRATION_IP_WINDOW: '1m' }, 'REGISTRATION_IP_WINDOW must be a whole number of at least 1; got "1m"'],
    [{ REGISTRATION_IP_WINDOW: '0.5' }, 'REGISTRATION_IP_WINDOW must be a whole number of at least 1; got "0.5"'],
    [{ REGISTRATION_EMAIL_WINDOW: '-60' }, 'REGISTRATION_EMAIL_WINDOW must be a whole number of at least 1; got "-60"'],
    [{ REGISTRATION_EMAIL_WINDOW: '1h' }, 'REGISTRATION_EMAIL_WINDOW must be a whole number of at least 1; got "1h"'],
  ])('refuses %j', (env, problem) => {
    expect(() => parseRegistrationLimitsEnvironment(env)).toThrow(problem);
  });

  it('names every wrong variable at once', () => {
    expect(() =>
      parseRegistrationLimitsEnvironment({ REGISTRATION_IP_LIMIT: '0', REGISTRATION_EMAIL_WINDOW: 'x' }),
    ).toThrow(/^Invalid configuration: REGISTRATION_IP_LIMIT .*; REGISTRATION_EMAIL_WINDOW /);
  });
});
