import { RuleTester } from 'eslint';
import { join } from 'node:path';
// The rule is plain CommonJS, as eslint.config.mjs loads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const packageBoundary = require('../eslint-rules/package-boundary.js') as import('eslint').Rule.RuleModule;

const PACKAGE_FILE = join(__dirname, '../packages/nestjs-smtp/src/smtp.config.ts');
const PACKAGE_SPEC = join(__dirname, '../packages/nestjs-smtp/src/smtp.config.spec.ts');

new RuleTester({ languageOptions: { ecmaVersion: 2023, sourceType: 'module' } }).run(
  'package-boundary',
  packageBoundary,
  {
    valid: [
      { filename: PACKAGE_FILE, code: "import { parsePort } from './environment-reader';" },
      { filename: PACKAGE_FILE, code: "import { SmtpClient } from '../src/smtp.client';" },
      { filename: PACKAGE_FILE, code: "import { isIP } from 'node:net'; import { EventEmitter } from 'events';" },
      {
        filename: PACKAGE_FILE,
        code: "import { registerAs } from '@nestjs/config'; import 'nodemailer/lib/mime-funcs';",
      },
      { filename: PACKAGE_SPEC, code: "import { simpleParser } from 'mailparser';" },
    ],
    invalid: [
      {
        filename: PACKAGE_FILE,
        code: "import { parsePort } from '../../../src/config/environment-reader';",
        errors: [{ messageId: 'outside' }],
      },
      { filename: PACKAGE_FILE, code: "export * from '../../../src/smtp-naming';", errors: [{ messageId: 'outside' }] },
      {
        filename: PACKAGE_FILE,
        code: "const reader = require('../../../src/config/environment-reader');",
        errors: [{ messageId: 'outside' }],
      },
      {
        filename: PACKAGE_FILE,
        code: "const naming = import('/work/src/smtp-naming');",
        errors: [{ messageId: 'outside' }],
      },
      { filename: PACKAGE_FILE, code: "import { Client } from 'pg';", errors: [{ messageId: 'undeclared' }] },
      {
        filename: PACKAGE_FILE,
        code: "import { StartupError } from 'solidpoint-smtp-notifications/dist/config/startup.error';",
        errors: [{ messageId: 'undeclared' }],
      },
      // devDependencies are there for the package's specs, not for what it ships.
      {
        filename: PACKAGE_FILE,
        code: "import { simpleParser } from 'mailparser';",
        errors: [{ messageId: 'undeclared' }],
      },
    ],
  },
);
