'use strict';
// Case 6, the footprint: for each database, `runs` times, the built app started on an empty
// database (a new DATA_DIR, or a new database on the server), stopped, started again on the same
// one (warm), then given `registrations` registrations with SMTP on. It reports, best and worst
// over the runs, against the targets: the time to the first HTTP answer of each start, the
// resident memory (RSS) once each start has settled, and the RSS once every registration email
// has reached the sink. Timings are wall-clock on a shared machine, so their best is the one to
// judge; the CPU time each start used is printed beside it, as it moves less with other load.
const { setTimeout: sleep } = require('node:timers/promises');
const { registerUsers, startApp } = require('./app');
const { temporaryPostgresDatabase } = require('./databases');
const { temporaryDirectory } = require('./processes');
const { startSink } = require('./sinks');

const SENDER = 'noreply@solidpoint.test';

/** The targets of issue 14, in MB and ms; `undefined` where there is none. */
const TARGETS = {
  embedded: { idleMb: 200, loadedMb: 250, firstMs: 2_500, warmMs: 1_500 },
  PostgreSQL: { idleMb: 110, loadedMb: undefined, firstMs: 2_500, warmMs: 1_500 },
};

/**
 * Runs case 6 and adds its rows to `rows`.
 * @param options.runs how many times each database is measured
 * @param options.registrations how many users each run registers
 * @param options.settleSeconds how long a started app idles before its RSS is read
 * @param options.postfixSink the path of Postfix's smtp-sink, or `undefined` for the Node sink
 */
async function footprint(rows, { runs, registrations, settleSeconds, postfixSink }) {
  const kinds = [{ name: 'embedded', create: async () => ({ env: { DATA_DIR: temporaryDirectory('footprint-') } }) }];
  if (process.env.DATABASE_URL) {
    kinds.unshift({
      name: 'PostgreSQL',
      create: async () => {
        const database = await temporaryPostgresDatabase();
        return { env: { DATABASE_URL: database.url }, drop: database.drop };
      },
    });
  }
  const sink = await startSink(postfixSink);
  try {
    for (const kind of kinds) {
      const samples = [];
      for (let run = 0; run < runs; run += 1) {
        samples.push(await measureRun(kind, sink, { registrations, settleSeconds }));
      }
      report(rows, kind.name, samples, registrations);
    }
  } finally {
    sink.stop();
  }
}

async function measureRun(kind, sink, { registrations, settleSeconds }) {
  const database = await kind.create();
  const env = { ...database.env, SMTP_ADDRESS: `127.0.0.1:${sink.port}`, SMTP_FROM: SENDER, SMTP_TLS: 'none' };
  try {
    const first = await startApp(env);
    await sleep(settleSeconds * 1_000);
    const firstIdleMb = first.rssMb();
    await first.stop();

    const warm = await startApp(env);
    await sleep(settleSeconds * 1_000);
    const warmIdleMb = warm.rssMb();
    const before = await sink.count();
    const result = await registerUsers(warm.url, { amount: registrations });
    if (result['2xx'] !== registrations) {
      throw new Error(`${registrations} registrations gave ${result['2xx']} × 2xx and ${result.non2xx} other`);
    }
    // Every email sent, so the figure includes the outbox having done its work.
    while ((await sink.count()) - before < registrations) await sleep(100);
    const loadedMb = warm.rssMb();
    await warm.stop();
    return { first, warm, idleMb: [firstIdleMb, warmIdleMb], loadedMb };
  } finally {
    await database.drop?.();
  }
}

function report(rows, name, samples, registrations) {
  const target = TARGETS[name];
  const range = (values, unit) => {
    const [best, worst] = [Math.min(...values), Math.max(...values)].map((v) => Math.round(v).toLocaleString('en-US'));
    return best === worst ? `${best} ${unit}` : `${best}–${worst} ${unit}`;
  };
  // Memory is judged by its worst run, time by its best (other work on the machine only slows it).
  const verdict = (values, limit, judge) => {
    if (limit === undefined) return 'no target';
    const met = judge === 'worst' ? Math.max(...values) <= limit : Math.min(...values) <= limit;
    return `target ≤ ${limit.toLocaleString('en-US')}: ${met ? 'met' : 'NOT MET'} (${judge})`;
  };
  const idle = samples.flatMap((sample) => sample.idleMb);
  const loaded = samples.map((sample) => sample.loadedMb);
  const starts = (which) => samples.map((sample) => sample[which].ms);
  const cpu = (which) =>
    `CPU ${range(
      samples.map((sample) => sample[which].cpuMs),
      'ms',
    )}`;
  const empty = name === 'embedded' ? 'empty DATA_DIR' : 'new database';
  const of = `${samples.length} run${samples.length === 1 ? '' : 's'}`;
  rows.push(
    [`6. ${name}: RSS idle, after each start`, range(idle, 'MB'), `${verdict(idle, target.idleMb, 'worst')}; ${of}`],
    [
      `   ${name}: RSS after ${registrations.toLocaleString('en-US')} registrations, SMTP on`,
      range(loaded, 'MB'),
      verdict(loaded, target.loadedMb, 'worst'),
    ],
    [
      `   ${name}: start to first HTTP answer, ${empty}`,
      range(starts('first'), 'ms'),
      `${verdict(starts('first'), target.firstMs, 'best')}; ${cpu('first')}`,
    ],
    [
      `   ${name}: start to first HTTP answer, warm`,
      range(starts('warm'), 'ms'),
      `${verdict(starts('warm'), target.warmMs, 'best')}; ${cpu('warm')}`,
    ],
  );
}

module.exports = { footprint };
