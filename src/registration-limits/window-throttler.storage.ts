import type { ThrottlerStorage } from '@nestjs/throttler';

/** What the guard reads back (the package does not export the type by name). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  hits: number;
  /** Epoch milliseconds. */
  endsAt: number;
}

/**
 * The per-IP throttler's counts, in this process's memory: each key (a client network) has a
 * fixed window that starts with its first request and lasts the throttler's `ttl`; a key over
 * the limit waits for the end of its window (`timeToBlockExpire`, which becomes `Retry-After`).
 *
 * It replaces the throttler's default storage (6.5), which keeps every key it ever saw, and which
 * cancels the pending expiry of every key's hits whenever one key's block ends, so that other
 * clients' counts stop falling. Here, windows that have ended are dropped as requests arrive, so
 * memory holds only the networks seen within one window.
 */
export class WindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();

  /** @param now the clock, replaceable in tests */
  constructor(private readonly now: () => number = Date.now) {}

  increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    this.dropEnded(now);
    let window = this.windows.get(key);
    if (window === undefined || window.endsAt <= now) {
      this.windows.delete(key);
      window = { hits: 0, endsAt: now + ttl };
      this.windows.set(key, window);
    }
    window.hits += 1;
    const secondsLeft = Math.ceil((window.endsAt - now) / 1000);
    const isBlocked = window.hits > limit;
    return Promise.resolve({
      totalHits: window.hits,
      timeToExpire: secondsLeft,
      isBlocked,
      timeToBlockExpire: isBlocked ? secondsLeft : 0,
    });
  }

  /** How many client networks are being counted. */
  get size(): number {
    return this.windows.size;
  }

  /**
   * A Map iterates in insertion order, and a window is (re)inserted when it starts; with one
   * `ttl` for every key that is also the order they end in, so the scan stops at the first live one.
   */
  private dropEnded(now: number): void {
    for (const [key, window] of this.windows) {
      if (window.endsAt > now) return;
      this.windows.delete(key);
    }
  }
}
