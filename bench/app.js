'use strict';
// The built app (dist/main.js) as the benchmark runs it: its own process, as an operator starts
// it, with what it costs read from /proc (Linux): resident memory and CPU time.
const { spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const autocannon = require('autocannon');
const { adopt, freePort } = require('./processes');

const MAIN = join(resolve(__dirname, '../dist'), 'main.js');
// Started as `npm start` starts it, with Node's flags for the footprint (README, Performance).
const { START_NODE_FLAGS } = require('../dist/server/node-flags');
// utime and stime in /proc/<pid>/stat are in clock ticks, 100 per second on Linux.
const TICKS_PER_SECOND = 100;

/**
 * Starts the app with `env` (plus PATH, loopback, warn logs and the per-IP registration limit
 * lifted: the load cases register from one address); resolves once it answers HTTP, with the
 * time that took and the CPU time it had used by then.
 */
async function startApp(env) {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = adopt(
    spawn(process.execPath, [...START_NODE_FLAGS, MAIN], {
      env: {
        PATH: process.env.PATH,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        REGISTRATION_IP_LIMIT: '1000000',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // The first answer, not the "Listening" line: what a health check or a user waits for.
  await new Promise((done, fail) => {
    const timer = setInterval(async () => {
      try {
        await fetch(`http://127.0.0.1:${port}/health/live`);
        clearInterval(timer);
        done();
      } catch {
        if (child.exitCode === null) return;
        clearInterval(timer);
        fail(new Error(`the app exited with code ${child.exitCode}: ${stderr}`));
      }
    }, 20);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    ms: Number(process.hrtime.bigint() - started) / 1e6,
    cpuMs: cpuMs(child.pid),
    /** Resident memory now, in MB (VmRSS). */
    rssMb: () => Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024,
    stop: () => new Promise((done) => child.once('exit', done).kill('SIGTERM')),
  };
}

function cpuMs(pid) {
  // The command name, in parentheses, may hold spaces: the fields are counted after it.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1_000) / TICKS_PER_SECOND;
}

/**
 * POST /users from 10 connections (fewer for fewer requests), each with a new mailbox, for
 * `duration` seconds or `amount` requests; resolves with autocannon's result.
 */
function registerUsers(url, { duration, amount }) {
  let n = 0;
  return autocannon({
    url: `${url}/users`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // autocannon refuses more connections than requests (--registrations=5).
    connections: Math.min(10, amount ?? 10),
    // autocannon refuses an undefined duration. A counted run waits for every answer: on a
    // loaded machine, 10 registrations queued behind scrypt can take longer than its 10 s default.
    ...(amount === undefined ? { duration } : { amount, timeout: 120 }),
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            email: `load${(n += 1)}@solidlab.test`,
            firstName: 'Ivan',
            password: 'correct horse battery',
          }),
        }),
      },
    ],
  });
}

module.exports = { registerUsers, startApp };
