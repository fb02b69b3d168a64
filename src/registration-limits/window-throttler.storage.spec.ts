import { WindowThrottlerStorage } from './window-throttler.storage';

const TTL_MS = 60_000;
const LIMIT = 2;

describe('WindowThrottlerStorage', () => {
  let clock: number;
  let storage: WindowThrottlerStorage;
  const hit = (key: string) => storage.increment(key, TTL_MS, LIMIT);

  beforeEach(() => {
    clock = 1_000_000;
    storage = new WindowThrottlerStorage(() => clock);
  });

  it('lets `limit` requests through in a window, then blocks until the window ends', async () => {
    expect(await hit('a')).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    clock += 10_000;
    expect(await hit('a')).toMatchObject({ totalHits: 2, isBlocked: false });
    clock += 500;
    expect(await hit('a')).toEqual({ totalHits: 3, timeToExpire: 50, isBlocked: true, timeToBlockExpire: 50 });
  });

  it('starts a new window for a key once its window has ended', async () => {
    await hit('a');
    await hit('a');
    await hit('a');
    clock += TTL_MS;
    expect(await hit('a')).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('counts each key on its own, whatever happens to another key', async () => {
    await hit('b');
    await hit('b');
    clock += 30_000;
    await hit('a');
    await hit('a');
    await hit('a');
    clock += TTL_MS;
    await hit('a');
    // The throttler's default storage answers 3 here: the end of a's block stopped b's hits expiring.
    expect(await hit('b')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('forgets keys whose window has ended', async () => {
    await hit('a');
    clock += 1_000;
    await hit('b');
    clock += TTL_MS - 500;
    await hit('c');
    expect(storage.size).toBe(2);
    clock += TTL_MS;
    await hit('d');
    expect(storage.size).toBe(1);
  });
});
