import { parseLoggingEnvironment } from '../logging/logging.config';
import { parseMetricsEnvironment } from '../metrics/metrics.config';
import { parseServerEnvironment } from '../server/server.config';

describe('parseServerEnvironment', () => {
  it('defaults to 0.0.0.0:3000, trusting no proxy', () => {
    expect(parseServerEnvironment({})).toEqual({ port: 3000, host: '0.0.0.0', trustProxy: false });
  });

  it.each([
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['10.0.0.5', ['10.0.0.5']],
    ['loopback, 10.0.0.0/8,uniquelocal', ['loopback', '10.0.0.0/8', 'uniquelocal']],
    ['linklocal,2001:db8::/32,::1', ['linklocal', '2001:db8::/32', '::1']],
    ['192.0.2.1/32,2001:db8::1/128', ['192.0.2.1/32', '2001:db8::1/128']],
  ])('reads TRUST_PROXY=%j as %j', (value, trustProxy) => {
    expect(parseServerEnvironment({ TRUST_PROXY: value }).trustProxy).toEqual(trustProxy);
  });

  it('refuses TRUST_PROXY=true, which would believe a forged X-Forwarded-For', () => {
    expect(() => parseServerEnvironment({ TRUST_PROXY: 'true' })).toThrow(
      'TRUST_PROXY=true would believe an X-Forwarded-For that any client can forge; give the number of proxies in front of the app (e.g. 1) or their addresses',
    );
  });

  it.each([
    ['0', '0'],
    ['-1', '-1'],
    ['false', 'false'],
    ['yes', 'yes'],
    ['10.0.0.0/33', '10.0.0.0/33'],
    ['10.0.0.0/0', '10.0.0.0/0'],
    ['10.0.0.0/255.0.0.0', '10.0.0.0/255.0.0.0'],
    ['2001:db8::/129', '2001:db8::/129'],
    ['10.0.0', '10.0.0'],
    ['fe80::1%eth0', 'fe80::1%eth0'],
    ['loopback,,10.0.0.1', ''],
    ['nginx.internal', 'nginx.internal'],
  ])('refuses TRUST_PROXY=%j, naming %j', (value, wrong) => {
    expect(() => parseServerEnvironment({ TRUST_PROXY: value })).toThrow(
      'TRUST_PROXY must be a number of proxies from 1 (e.g. 1), or a comma-separated list of loopback, linklocal, uniquelocal, IP addresses and CIDR ranges; ' +
        `"${wrong}" is none of these`,
    );
  });

  it.each(['0', '65536', '80.5', ' 80', 'http'])('refuses PORT=%j', (port) => {
    expect(() => parseServerEnvironment({ PORT: port })).toThrow(
      `PORT must be a port number from 1 to 65535; got "${port}"`,
    );
  });
});

describe('parseLoggingEnvironment', () => {
  it('defaults to info, as JSON', () => {
    expect(parseLoggingEnvironment({})).toEqual({ level: 'info', format: 'json' });
  });

  it.each(['trace', 'debug', 'info', 'warn', 'error', 'fatal'])('accepts LOG_LEVEL=%s', (level) => {
    expect(parseLoggingEnvironment({ LOG_LEVEL: level }).level).toBe(level);
  });

  it.each([
    [{ LOG_LEVEL: 'DEBUG' }, 'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal; got "DEBUG"'],
    [{ LOG_LEVEL: 'silent' }, 'LOG_LEVEL must be one of'],
    [{ LOG_FORMAT: 'pretty' }, 'LOG_FORMAT must be one of json, console; got "pretty"'],
  ])('refuses %j', (env, problem) => {
    expect(() => parseLoggingEnvironment(env)).toThrow(problem);
  });
});

describe('parseMetricsEnvironment', () => {
  it.each([
    [{}, true],
    [{ METRICS_ENABLED: 'true' }, true],
    [{ METRICS_ENABLED: 'false' }, false],
  ])('reads %j as enabled=%s', (env, enabled) => {
    expect(parseMetricsEnvironment(env)).toEqual({ enabled });
  });

  it.each(['0', 'no', 'FALSE'])('refuses METRICS_ENABLED=%j', (value) => {
    expect(() => parseMetricsEnvironment({ METRICS_ENABLED: value })).toThrow(
      `METRICS_ENABLED must be one of true, false; got "${value}"`,
    );
  });
});
