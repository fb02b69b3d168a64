import { parseSmtpEnvironment } from '../smtp.config.js';

const MAILBOX = 'noreply@contoso.test';
const SECRET = 'client-s3cret~value';
const OAUTH2 = {
  SMTP_ADDRESS: 'smtp.office365.com:587',
  SMTP_AUTH: 'oauth2',
  SMTP_USERNAME: MAILBOX,
  SMTP_OAUTH_TOKEN_URL: 'https://login.microsoftonline.com/contoso.test/oauth2/v2.0/token',
  SMTP_OAUTH_CLIENT_ID: 'c1d2',
  SMTP_OAUTH_CLIENT_SECRET: SECRET,
  SMTP_OAUTH_SCOPE: 'https://outlook.office365.com/.default',
};

describe('parseSmtpEnvironment with SMTP_AUTH=oauth2', () => {
  it('reads the mailbox and the client credentials, the mailbox as sender', () => {
    expect(parseSmtpEnvironment(OAUTH2)).toEqual({
      enabled: true,
      host: 'smtp.office365.com',
      port: 587,
      security: 'starttls',
      auth: {
        type: 'oauth2',
        user: MAILBOX,
        tokenUrl: OAUTH2.SMTP_OAUTH_TOKEN_URL,
        clientId: 'c1d2',
        clientSecret: SECRET,
        scope: 'https://outlook.office365.com/.default',
      },
      from: MAILBOX,
      poolSize: 5,
    });
  });

  it('takes a refresh token instead of a scope (Google)', () => {
    const { SMTP_OAUTH_SCOPE: _scope, ...env } = OAUTH2;
    expect(parseSmtpEnvironment({ ...env, SMTP_OAUTH_REFRESH_TOKEN: '1//refresh' })).toMatchObject({
      auth: { type: 'oauth2', refreshToken: '1//refresh' },
    });
  });

  it.each(['http://127.0.0.1:8080/token', 'http://localhost/token', 'http://[::1]:9/token'])(
    'accepts plain HTTP to this machine: %s',
    (url) => {
      expect(parseSmtpEnvironment({ ...OAUTH2, SMTP_OAUTH_TOKEN_URL: url })).toMatchObject({ auth: { tokenUrl: url } });
    },
  );

  it.each([
    [
      'an http:// token URL to another host',
      { SMTP_OAUTH_TOKEN_URL: 'http://login.example.test/token' },
      'Invalid configuration: SMTP_OAUTH_TOKEN_URL must be an https:// URL (http:// only for localhost or a loopback address)',
    ],
    [
      'a token URL that is no URL',
      { SMTP_OAUTH_TOKEN_URL: 'login.example.test' },
      'Invalid configuration: SMTP_OAUTH_TOKEN_URL is not a URL; e.g. https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token',
    ],
    [
      'no client secret',
      { SMTP_OAUTH_CLIENT_SECRET: '' },
      'Invalid configuration: SMTP_AUTH=oauth2 needs SMTP_OAUTH_CLIENT_SECRET',
    ],
    ['no scope', { SMTP_OAUTH_SCOPE: '' }, 'Invalid configuration: SMTP_AUTH=oauth2 needs SMTP_OAUTH_SCOPE'],
    [
      'a password too',
      { SMTP_PASSWORD: 'p4ss' },
      'Invalid configuration: SMTP_PASSWORD is set but SMTP_AUTH=oauth2 authenticates with SMTP_OAUTH_CLIENT_SECRET; unset it',
    ],
    [
      'an unknown method',
      { SMTP_AUTH: 'oauth' },
      'Invalid configuration: SMTP_AUTH must be one of password, oauth2; got "oauth"',
    ],
  ])('refuses %s, in one line naming the variable', (_case, change, message) => {
    expect(() => parseSmtpEnvironment({ ...OAUTH2, ...change })).toThrow(message);
  });

  it('refuses SMTP_OAUTH_* without SMTP_AUTH=oauth2', () => {
    expect(() =>
      parseSmtpEnvironment({
        SMTP_ADDRESS: 'smtp.example.com:587',
        SMTP_USERNAME: MAILBOX,
        SMTP_PASSWORD: 'p4ss',
        SMTP_OAUTH_CLIENT_ID: 'x',
      }),
    ).toThrow('Invalid configuration: SMTP_OAUTH_CLIENT_ID is set but SMTP_AUTH is not oauth2');
  });

  it('never echoes the client secret', () => {
    const env = { ...OAUTH2, SMTP_OAUTH_TOKEN_URL: `http://user:${SECRET}@login.example.test/token` };
    expect(() => parseSmtpEnvironment(env)).toThrow('SMTP_OAUTH_TOKEN_URL');
    expect(() => parseSmtpEnvironment(env)).not.toThrow(SECRET);
  });
});
