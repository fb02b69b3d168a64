import { resolve } from 'node:path';
import { parseDatabaseEnvironment } from './database.config';

const URL = 'postgres://app:secret@db.solidpoint.test:5432/app';

describe('parseDatabaseEnvironment', () => {
  it('defaults to the embedded database in ./data with no settings of the operator', () => {
    expect(parseDatabaseEnvironment({})).toEqual({ kind: 'embedded', dataDir: resolve('data'), settings: [] });
  });

  it.each([
    ['shared_buffers=64MB', ['shared_buffers=64MB']],
    ['  shared_buffers=64MB   work_mem=8MB ', ['shared_buffers=64MB', 'work_mem=8MB']],
    ['shared_buffers=64MB\twork_mem=8MB', ['shared_buffers=64MB', 'work_mem=8MB']],
    ['pg_stat_statements.max=100', ['pg_stat_statements.max=100']],
    ['search_path=public,audit', ['search_path=public,audit']],
  ])('reads EMBEDDED_DATABASE_SETTINGS=%j as %j', (value, settings) => {
    expect(parseDatabaseEnvironment({ EMBEDDED_DATABASE_SETTINGS: value })).toEqual({
      kind: 'embedded',
      dataDir: resolve('data'),
      settings,
    });
  });

  it.each([
    ['shared_buffers', '"shared_buffers"'],
    ['shared_buffers = 64MB', '"shared_buffers", "=", "64MB"'],
    ['-c shared_buffers=64MB', '"-c"'],
  ])('refuses EMBEDDED_DATABASE_SETTINGS=%j, naming %s', (value, named) => {
    expect(() => parseDatabaseEnvironment({ EMBEDDED_DATABASE_SETTINGS: value })).toThrow(
      `Invalid configuration: EMBEDDED_DATABASE_SETTINGS must be space-separated name=value PostgreSQL settings, e.g. shared_buffers=64MB; got ${named}`,
    );
  });

  it('reads DATABASE_URL as PostgreSQL', () => {
    expect(parseDatabaseEnvironment({ DATABASE_URL: URL })).toEqual({ kind: 'postgres', url: URL });
  });

  it('refuses EMBEDDED_DATABASE_SETTINGS beside DATABASE_URL, which it would not apply to', () => {
    expect(() =>
      parseDatabaseEnvironment({ DATABASE_URL: URL, EMBEDDED_DATABASE_SETTINGS: 'shared_buffers=64MB' }),
    ).toThrow(
      'Invalid configuration: EMBEDDED_DATABASE_SETTINGS is set but DATABASE_URL is too; set PostgreSQL server settings on the server',
    );
  });
});
