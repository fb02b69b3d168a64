import { PinoLogger } from 'nestjs-pino';
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import { PeriodicPrune } from './periodic-prune';

/** A logger of its own (nestjs-pino otherwise keeps the first one made) writing parsed lines to `lines`. */
function captureLogger() {
  __resetOutOfContextForTests();
  const lines: Record<string, unknown>[] = [];
  const stream = { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) };
  return { logger: new PinoLogger({ pinoHttp: [{ level: 'info' }, stream] }), lines };
}

const MESSAGES = { pruned: 'Pruned old rows', cannotPrune: 'Cannot prune old rows' };

describe('PeriodicPrune', () => {
  it('prunes at once and logs the count with its fields', async () => {
    const { logger, lines } = captureLogger();
    const pruning = new PeriodicPrune(() => Promise.resolve(3), 60_000, { logger, ...MESSAGES, fields: { days: 7 } });
    pruning.start();
    await pruning.stop();
    expect(lines).toEqual([expect.objectContaining({ level: 30, msg: 'Pruned old rows', pruned: 3, days: 7 })]);
  });

  it('logs nothing when nothing was deleted', async () => {
    const { logger, lines } = captureLogger();
    const pruning = new PeriodicPrune(() => Promise.resolve(0), 60_000, { logger, ...MESSAGES });
    pruning.start();
    await pruning.stop();
    expect(lines).toEqual([]);
  });

  it('logs a failed round as a warning instead of rejecting', async () => {
    const { logger, lines } = captureLogger();
    const pruning = new PeriodicPrune(() => Promise.reject(new Error('connection lost')), 60_000, {
      logger,
      ...MESSAGES,
    });
    pruning.start();
    await pruning.stop();
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, msg: 'Cannot prune old rows', error: 'connection lost' }),
    ]);
  });

  it('waits on stop for the round under way', async () => {
    const { logger } = captureLogger();
    let finished = false;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(((finished = true), 0)), 50));
    const pruning = new PeriodicPrune(slow, 60_000, { logger, ...MESSAGES });
    pruning.start();
    await pruning.stop();
    expect(finished).toBe(true);
  });

  it('runs again every interval until stopped', async () => {
    const { logger } = captureLogger();
    let rounds = 0;
    const pruning = new PeriodicPrune(() => Promise.resolve(((rounds += 1), 0)), 20, { logger, ...MESSAGES });
    pruning.start();
    await new Promise((resolve) => setTimeout(resolve, 110));
    await pruning.stop();
    const seen = rounds;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(seen).toBeGreaterThanOrEqual(3);
    expect(rounds).toBe(seen);
  });
});
