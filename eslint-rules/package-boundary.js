'use strict';
// ESLint rule: a file inside a package of this repository (a folder with its own package.json
// under packages/) imports only its own package's files, Node's built-ins, and the packages its
// package.json declares (devDependencies only from specs). So the package cannot grow a
// dependency on the app, or on anything an installer of its tarball would not have.
const { existsSync, readFileSync } = require('node:fs');
const { builtinModules } = require('node:module');
const { dirname, join, relative, resolve, isAbsolute, sep } = require('node:path');

const manifests = new Map();

/** The nearest folder holding a package.json, with that file's dependency names. */
function packageOf(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if (!existsSync(join(dir, 'package.json'))) continue;
    if (!manifests.has(dir)) {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const names = (field) => Object.keys(manifest[field] ?? {});
      manifests.set(dir, {
        root: dir,
        runtime: new Set([...names('dependencies'), ...names('peerDependencies')]),
        development: new Set(names('devDependencies')),
      });
    }
    return manifests.get(dir);
  }
  return undefined;
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const SPEC = /\.(spec|e2e-spec)\.[cm]?[jt]s$/;

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: { description: "A package imports only its own files, Node's built-ins and its declared dependencies" },
    schema: [],
    messages: {
      outside: '"{{specifier}}" reaches outside the package ({{target}}); a package imports nothing from the app',
      undeclared:
        '"{{specifier}}" is not a dependency or peer dependency in {{manifest}}; an installer of the package would not have it',
    },
  },
  create(context) {
    const file = context.filename;
    const owner = packageOf(file);
    if (!owner) return {};
    const manifest = relative(context.cwd, join(owner.root, 'package.json'));
    const allowed = SPEC.test(file) ? new Set([...owner.runtime, ...owner.development]) : owner.runtime;

    function check(node) {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const specifier = node.value;
      if (specifier.startsWith('.') || isAbsolute(specifier)) {
        const target = resolve(dirname(file), specifier);
        if (target !== owner.root && !target.startsWith(owner.root + sep)) {
          context.report({ node, messageId: 'outside', data: { specifier, target: relative(context.cwd, target) } });
        }
        return;
      }
      if (specifier.startsWith('node:') || builtinModules.includes(specifier)) return;
      if (!allowed.has(packageName(specifier))) {
        context.report({ node, messageId: 'undeclared', data: { specifier, manifest } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) => check(node.moduleReference.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};
