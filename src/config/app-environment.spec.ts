import { parseLoggingEnvironment } from '../logging/logging.config';
import { parseMetricsEnvironment } from '../metrics/metrics.config';
import { parseServerEnvironment } from '../server/server.config';

describe('parseServerEnvironment', () => {
  it('defaults to 0.0.0.0:3000', () => {
    expect(parseServerEnvironment({})).toEqual({ port: 3000, host: '0.0.0.0' });
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
