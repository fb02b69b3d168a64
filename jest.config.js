const unit = require('./jest-unit.config');

/**
 * Everything `npm test` runs: the unit specs and the e2e specs in `test/`, which need the built app
 * (`npm run build`) and a migrated embedded database that the global setup prepares once.
 * @type {import('jest').Config}
 */
module.exports = {
  ...unit,
  roots: [...unit.roots, '<rootDir>/test'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
