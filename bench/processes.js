'use strict';
// The processes the benchmark starts (sinks, apps, Postfix's programs), the ports and the
// directories they use. Every child is adopted, so none outlives the benchmark: not on success,
// not on an error, not on Ctrl-C or a kill. A forked sink would otherwise keep listening after its
// parent died, and Postfix's smtp-sink never stops by itself. Every directory is removed with them
// (each embedded database is about 40 MB).
const { accessSync, constants: fsConstants, mkdtempSync, rmSync } = require('node:fs');
const net = require('node:net');
const { constants, tmpdir } = require('node:os');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');

const children = new Set();
let runDirectory;

/** Kills `child` when the benchmark exits, however it exits; returns `child`. */
function adopt(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** A new directory, removed when the benchmark exits. */
function temporaryDirectory(prefix) {
  runDirectory ??= mkdtempSync(join(tmpdir(), 'bench-'));
  return mkdtempSync(join(runDirectory, prefix));
}

process.once('exit', () => {
  // SIGKILL: the benchmark is going away, and nothing a child holds (temporary data, a count) is
  // worth waiting for. Retries: a killed child may still be closing files in the directories.
  children.forEach((child) => child.kill('SIGKILL'));
  if (runDirectory) rmSync(runDirectory, { recursive: true, force: true, maxRetries: 5 });
});
// With a handler, a signal no longer ends Node by itself: exit as it would have, through 'exit'.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => process.exit(128 + constants.signals[signal]));
}

/** A port the system says is free (a guessed one may be an outgoing connection's). */
async function freePort() {
  const server = net.createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** Resolves once something accepts connections on 127.0.0.1:`port`; rejects if `child` exits first. */
async function listening(port, child, describeFailure) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const accepted = await new Promise((done) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (accepted) return;
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      throw new Error(`${child.spawnfile} is not listening on 127.0.0.1:${port}: ${describeFailure()}`);
    }
    await sleep(20);
  }
}

/** The path of an installed program, also in the sbin directories a user's PATH leaves out; `undefined` when absent. */
function findProgram(name) {
  const directories = [...(process.env.PATH ?? '').split(':'), '/usr/local/sbin', '/usr/sbin'];
  return directories.map((directory) => join(directory, name)).find(isExecutable);
}

function isExecutable(path) {
  try {
    accessSync(path, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

module.exports = { adopt, findProgram, freePort, listening, temporaryDirectory };
