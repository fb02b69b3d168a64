'use strict';
// Builds the package twice, as nestjs-pino does: CommonJS for `require` (Nest 11 apps) and ES
// modules for `import` (Nest 12 apps). An app loads one build only, so the package shares its
// peers' copies: an ESM app's nestjs-pino is the ESM one, and so is the PinoLogger it injects.
const { execFileSync } = require('node:child_process');
const { rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const tsc = require.resolve('typescript/bin/tsc');
rmSync(join(root, 'dist'), { recursive: true, force: true });
for (const project of ['tsconfig.build.json', 'tsconfig.esm.json']) {
  execFileSync(process.execPath, [tsc, '-p', join(root, project)], { stdio: 'inherit' });
}
writeFileSync(join(root, 'dist/esm/package.json'), '{ "type": "module" }\n');
