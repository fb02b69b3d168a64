import { SmtpEnvironmentError } from './smtp-environment.error.js';
import { parseSmtpEnvironment, securityForPort } from './smtp.config.js';

const USER = 'noreply@solidpoint.test';
const PASS = 'p4ss';

describe('parseSmtpEnvironment', () => {
  it.each([
    ['nothing set', {}],
    ['all three empty', { SMTP_ADDRESS: '', SMTP_USERNAME: '', SMTP_PASSWORD: '' }],
  ])('disables SMTP with %s', (_case, env) => {
    expect(parseSmtpEnvironment(env)).toEqual({ enabled: false });
  });

  it.each([
    [
      'port 587: STARTTLS, sender = username',
      { SMTP_ADDRESS: 'smtp.yandex.ru:587', SMTP_USERNAME: USER, SMTP_PASSWORD: PASS },
      { host: 'smtp.yandex.ru', port: 587, security: 'starttls', auth: { user: USER, pass: PASS }, from: USER },
    ],
    [
      'port 25: plain SMTP',
      { SMTP_ADDRESS: '10.0.0.5:25', SMTP_USERNAME: USER, SMTP_PASSWORD: PASS },
      { host: '10.0.0.5', port: 25, security: 'none' },
    ],
    [
      'port 465: implicit TLS',
      { SMTP_ADDRESS: 'smtp.example.com:465', SMTP_USERNAME: USER, SMTP_PASSWORD: PASS },
      { security: 'tls' },
    ],
    [
      'any other port: STARTTLS',
      { SMTP_ADDRESS: 'smtp.example.com:2525', SMTP_USERNAME: USER, SMTP_PASSWORD: PASS },
      { security: 'starttls' },
    ],
    [
      'SMTP_TLS overrides the port',
      { SMTP_ADDRESS: 'localhost:2525', SMTP_USERNAME: USER, SMTP_PASSWORD: PASS, SMTP_TLS: 'none' },
      { security: 'none' },
    ],
    [
      'an IPv6 address',
      { SMTP_ADDRESS: '[::1]:587', SMTP_USERNAME: USER, SMTP_PASSWORD: PASS },
      { host: '::1', port: 587 },
    ],
    [
      'an unauthenticated relay with SMTP_FROM',
      { SMTP_ADDRESS: 'relay.internal:25', SMTP_FROM: 'SolidPoint <noreply@solidpoint.test>' },
      { host: 'relay.internal', port: 25, security: 'none', from: 'SolidPoint <noreply@solidpoint.test>' },
    ],
    [
      'a username that is not an address, with SMTP_FROM',
      { SMTP_ADDRESS: 'smtp.sendgrid.net:587', SMTP_USERNAME: 'apikey', SMTP_PASSWORD: PASS, SMTP_FROM: USER },
      { auth: { user: 'apikey', pass: PASS }, from: USER },
    ],
  ])('enables SMTP for %s', (_case, env, expected) => {
    const options = parseSmtpEnvironment(env);
    expect(options).toMatchObject({ enabled: true, ...expected });
    expect(Object.isFrozen(options)).toBe(true);
  });

  it('pools 5 connections without a rate limit by default, and reads SMTP_POOL_SIZE and SMTP_RATE_LIMIT', () => {
    const env = { SMTP_ADDRESS: 'relay.internal:25', SMTP_FROM: USER };
    expect(parseSmtpEnvironment(env)).toMatchObject({ poolSize: 5 });
    expect(parseSmtpEnvironment(env)).not.toHaveProperty('rateLimit');
    expect(parseSmtpEnvironment({ ...env, SMTP_POOL_SIZE: '2', SMTP_RATE_LIMIT: '10' })).toMatchObject({
      poolSize: 2,
      rateLimit: 10,
    });
  });

  describe('with a comma-separated SMTP_ADDRESS (failover)', () => {
    it('takes the first server as host:port and the others, in order, as failover, each secured by its port', () => {
      const env = { SMTP_ADDRESS: 'smtp1.example.com:587, smtp2.example.com:465,[::1]:25', SMTP_FROM: USER };
      const options = parseSmtpEnvironment(env);
      expect(options).toMatchObject({ host: 'smtp1.example.com', port: 587, security: 'starttls' });
      expect(options).toHaveProperty('failover', [
        { host: 'smtp2.example.com', port: 465, security: 'tls' },
        { host: '::1', port: 25, security: 'none' },
      ]);
      expect(options).not.toHaveProperty('failoverRetryMs');
    });

    it('applies SMTP_TLS to every server, and reads SMTP_FAILOVER_RETRY in seconds', () => {
      const env = { SMTP_ADDRESS: 'a.example.com:25,b.example.com:587', SMTP_FROM: USER, SMTP_TLS: 'tls' };
      expect(parseSmtpEnvironment({ ...env, SMTP_FAILOVER_RETRY: '5' })).toMatchObject({
        security: 'tls',
        failover: [{ host: 'b.example.com', port: 587, security: 'tls' }],
        failoverRetryMs: 5_000,
      });
    });

    it('has no failover for a single server', () => {
      expect(parseSmtpEnvironment({ SMTP_ADDRESS: 'relay.internal:25', SMTP_FROM: USER })).not.toHaveProperty(
        'failover',
      );
    });

    it.each([
      [
        'a.example.com:587,b.example.com',
        'SMTP_ADDRESS has no port: expected host:port, e.g. smtp.example.com:587 (server 2 of 2)',
      ],
      ['a.example.com:587,', 'SMTP_ADDRESS has an empty entry: expected host:port[,host:port...] (server 2 of 2)'],
      ['a.example.com:587, a.example.com:587', 'SMTP_ADDRESS lists the same server twice'],
    ])('refuses %p', (address, problem) => {
      expect(() => parseSmtpEnvironment({ SMTP_ADDRESS: address, SMTP_FROM: USER })).toThrow(problem);
    });

    it('refuses an SMTP_FAILOVER_RETRY that is not a whole number of seconds', () => {
      expect(() =>
        parseSmtpEnvironment({ SMTP_ADDRESS: 'relay.internal:25', SMTP_FROM: USER, SMTP_FAILOVER_RETRY: '0.5' }),
      ).toThrow('SMTP_FAILOVER_RETRY must be a whole number of at least 1');
    });
  });

  it('leaves auth out for a relay without credentials', () => {
    expect(parseSmtpEnvironment({ SMTP_ADDRESS: 'relay.internal:25', SMTP_FROM: USER })).not.toHaveProperty('auth');
  });

  it.each([
    [{ SMTP_USERNAME: USER, SMTP_PASSWORD: PASS }, 'SMTP_ADDRESS is not set but SMTP credentials are'],
    [{ SMTP_ADDRESS: 'smtp.example.com:587', SMTP_USERNAME: USER }, 'SMTP_USERNAME is set but SMTP_PASSWORD is not'],
    [
      { SMTP_ADDRESS: 'smtp.example.com:587', SMTP_PASSWORD: PASS, SMTP_FROM: USER },
      'SMTP_PASSWORD is set but SMTP_USERNAME is not',
    ],
    [{ SMTP_ADDRESS: 'smtp.example.com', SMTP_FROM: USER }, 'SMTP_ADDRESS has no port'],
    [{ SMTP_ADDRESS: 'smtp.example.com:', SMTP_FROM: USER }, 'SMTP_ADDRESS port must be a number from 1 to 65535'],
    [{ SMTP_ADDRESS: 'smtp.example.com:0', SMTP_FROM: USER }, 'SMTP_ADDRESS port must be a number from 1 to 65535'],
    [{ SMTP_ADDRESS: 'smtp.example.com:65536', SMTP_FROM: USER }, 'SMTP_ADDRESS port must be a number from 1 to 65535'],
    [{ SMTP_ADDRESS: 'smtp.example.com:+587', SMTP_FROM: USER }, 'SMTP_ADDRESS port must be a number from 1 to 65535'],
    [{ SMTP_ADDRESS: 'smtp..example.com:587', SMTP_FROM: USER }, 'SMTP_ADDRESS host must be a DNS name'],
    [{ SMTP_ADDRESS: 'smtp example.com:587', SMTP_FROM: USER }, 'SMTP_ADDRESS host must be a DNS name'],
    [{ SMTP_ADDRESS: '::1:587', SMTP_FROM: USER }, 'an IPv6 address in brackets'],
    [{ SMTP_ADDRESS: '[not-ipv6]:587', SMTP_FROM: USER }, 'SMTP_ADDRESS host must be a DNS name'],
    [{ SMTP_ADDRESS: 'relay.internal:25' }, 'SMTP_FROM is not set and there is no SMTP_USERNAME to send as'],
    [
      { SMTP_ADDRESS: 'smtp.example.com:587', SMTP_USERNAME: 'apikey', SMTP_PASSWORD: PASS },
      'SMTP_USERNAME is not an email address, so SMTP_FROM must be set',
    ],
    [
      { SMTP_ADDRESS: 'smtp.example.com:587', SMTP_FROM: 'noreply@x.test\r\nBcc: a@b.test' },
      'SMTP_FROM must be an email address',
    ],
    [
      { SMTP_ADDRESS: 'smtp.example.com:587', SMTP_FROM: USER, SMTP_TLS: 'STARTTLS' },
      'SMTP_TLS must be one of none, starttls, tls; got "STARTTLS"',
    ],
    [
      { SMTP_ADDRESS: 'smtp.example.com:587', SMTP_FROM: USER, SMTP_TLS: 'false' },
      'SMTP_TLS must be one of none, starttls, tls; got "false"',
    ],
    [{ SMTP_FROM: USER }, 'SMTP_FROM is set but SMTP_ADDRESS is not'],
    [
      { SMTP_ADDRESS: 'relay.internal:25', SMTP_FROM: USER, SMTP_POOL_SIZE: '0' },
      'SMTP_POOL_SIZE must be a whole number of at least 1; got "0"',
    ],
    [
      { SMTP_ADDRESS: 'relay.internal:25', SMTP_FROM: USER, SMTP_RATE_LIMIT: 'fast' },
      'SMTP_RATE_LIMIT must be a whole number of at least 1; got "fast"',
    ],
    [{ SMTP_TLS: 'none' }, 'SMTP_TLS is set but SMTP_ADDRESS is not'],
  ])('refuses %j: "%s"', (env, problem) => {
    expect(() => parseSmtpEnvironment(env)).toThrow(SmtpEnvironmentError);
    expect(() => parseSmtpEnvironment(env)).toThrow(problem);
  });

  it('names every problem in one message', () => {
    expect(() =>
      parseSmtpEnvironment({ SMTP_ADDRESS: 'smtp.example.com', SMTP_USERNAME: 'apikey', SMTP_TLS: 'yes' }),
    ).toThrow(
      'Invalid configuration: SMTP_USERNAME is set but SMTP_PASSWORD is not; set both or neither; ' +
        'SMTP_ADDRESS has no port: expected host:port, e.g. smtp.example.com:587; ' +
        'SMTP_USERNAME is not an email address, so SMTP_FROM must be set to the sender address; ' +
        'SMTP_TLS must be one of none, starttls, tls; got "yes"',
    );
  });

  it.each([
    [
      'the password',
      { SMTP_ADDRESS: 'smtp.example.com:587', SMTP_USERNAME: 'apikey', SMTP_PASSWORD: 'hunter2-secret' },
      'hunter2-secret',
    ],
    [
      'an address with a pasted URL',
      { SMTP_ADDRESS: 'smtp://user:hunter2-secret@smtp.example.com:587', SMTP_FROM: USER },
      'hunter2-secret',
    ],
  ])('never echoes %s in its error', (_case, env, secret) => {
    expect(() => parseSmtpEnvironment(env)).toThrow(SmtpEnvironmentError);
    expect(() => parseSmtpEnvironment(env)).not.toThrow(secret);
  });
});

describe('securityForPort', () => {
  it.each([
    [25, 'none'],
    [587, 'starttls'],
    [465, 'tls'],
    [2525, 'starttls'],
  ])('port %i is %s', (port, security) => {
    expect(securityForPort(port)).toBe(security);
  });
});
