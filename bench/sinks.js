'use strict';
// The SMTP sink the benchmark sends to, always in its own process so it does not share the
// sender's CPU: Postfix's smtp-sink when installed (C, as cheap per connection as a mail server
// gets), else bench/smtp-sink.js (Node; keeps connections open, unlike smtp-server, which idles
// ~100 ms on each new one and would measure itself rather than the sender).
const { Buffer } = require('node:buffer');
const { fork, spawn } = require('node:child_process');
const { closeSync, fstatSync, openSync, readSync } = require('node:fs');
const { join } = require('node:path');
const { adopt, freePort, listening, temporaryDirectory } = require('./processes');

/**
 * Starts a sink on 127.0.0.1; resolves with its port, a way to read how many messages it took,
 * and `stop`.
 * @param postfix the path of Postfix's smtp-sink, or `undefined` for the Node sink
 * @param dataDelaySeconds how long the sink waits before answering each DATA, as a slow server does
 */
function startSink(postfix, dataDelaySeconds = 0) {
  return postfix ? startPostfixSink(postfix, dataDelaySeconds) : startNodeSink(dataDelaySeconds);
}

async function startPostfixSink(program, dataDelaySeconds) {
  const port = await freePort();
  const counters = openSync(join(temporaryDirectory('sink-'), 'counters'), 'w+');
  const args = [
    // Counters (sessions, QUITs, messages) on stdout at every message. Into a file: a pipe would
    // need this process to drain it while it measures, and a full one would stall the sink.
    '-c',
    ...(dataDelaySeconds > 0 ? ['-w', String(dataDelaySeconds)] : []),
    // smtp-sink refuses to run as root without switching to another user once it listens.
    ...(process.getuid?.() === 0 ? ['-u', 'nobody'] : []),
    `127.0.0.1:${port}`,
    // The listen backlog: Node's default, as the Node sink has.
    '511',
  ];
  const child = adopt(spawn(program, args, { stdio: ['ignore', counters, 'pipe'] }));
  // Drained always (a full pipe would stall the sink); its tail explains a failure to start.
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = `${stderr}${chunk}`.slice(-2_000)));
  await listening(port, child, () => stderr);
  return {
    port,
    count: async () => messagesIn(counters),
    stop: () => {
      child.kill();
      closeSync(counters);
    },
  };
}

/** The last `mesg=` counter smtp-sink -c wrote, each record ending with CR: `sess=7 quit=7 mesg=7\r`. */
function messagesIn(counters) {
  const { size } = fstatSync(counters);
  const tail = Buffer.alloc(Math.min(size, 200));
  readSync(counters, tail, 0, tail.length, size - tail.length);
  const counts = [...tail.toString('latin1').matchAll(/mesg=(\d+)\r/g)];
  // smtp-sink is a test program without a stable output; a count that waits forever would hang the run.
  if (size > 0 && counts.length === 0) throw new Error(`smtp-sink -c wrote no mesg= counter: ${tail}`);
  return Number(counts.at(-1)?.[1] ?? 0);
}

async function startNodeSink(dataDelaySeconds, perSecond = 0) {
  const args = [String(dataDelaySeconds * 1_000), String(perSecond)];
  const child = adopt(fork(join(__dirname, 'smtp-sink.js'), args, { stdio: 'ignore' }));
  const { port } = await new Promise((done) => child.once('message', done));
  const counts = () =>
    new Promise((done) => {
      child.once('message', done);
      child.send('count');
    });
  return { port, count: async () => (await counts()).accepted, counts, stop: () => child.kill() };
}

/**
 * The Node sink throttling above `perSecond` messages a second (421 4.7.0 to MAIL, then it closes
 * the connection); `counts()` resolves with `{ accepted, attempts }`.
 */
function startThrottlingSink(perSecond) {
  return startNodeSink(0, perSecond);
}

module.exports = { startSink, startThrottlingSink };
