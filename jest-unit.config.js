/**
 * The unit specs (`src/**\/*.spec.ts` and the SMTP package's): pure logic, no build, no database, no global setup, so
 * `npm run test:unit` answers in seconds. `jest.config.js` extends this with the e2e specs.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/packages/nestjs-smtp/src'],
  testEnvironment: 'node',
  testRegex: '\\.spec\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The SMTP package writes its relative imports as ESM wants them (`./mailbox.js`): its specs run the .ts.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};
