/**
 * The unit specs (`src/**\/*.spec.ts`): pure logic, no build, no database, no global setup, so
 * `npm run test:unit` answers in seconds. `jest.config.js` extends this with the e2e specs.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: '.',
  roots: ['<rootDir>/src'],
  testEnvironment: 'node',
  testRegex: '\\.spec\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
