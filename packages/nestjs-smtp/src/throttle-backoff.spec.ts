import { throttlePauseMs } from './throttle-backoff.js';

const BACKOFF = { initialMs: 5_000, maxMs: 300_000 };

describe('throttlePauseMs', () => {
  it.each([
    ['the first throttle: the initial pause', '421 4.7.0 Try again later', 1, 5_000],
    ['the second in a row: doubled', '451 4.7.1 Too many messages', 2, 10_000],
    ['the fourth in a row', '450 4.7.0 Too many messages', 4, 40_000],
    ['many in a row: capped', '421 4.7.0 Try again later', 12, 300_000],
    ['a hint in seconds', '450 4.7.1 Rate limit exceeded, try again in 30 seconds', 3, 30_000],
    ['a hint in minutes', '421 4.7.0 Too many connections, retry after 2 minutes', 1, 120_000],
    ['a hint beyond the cap: capped', '421 4.7.0 Try again in 60 minutes', 1, 300_000],
  ])('%s', (_case, reply, consecutive, expected) => {
    expect(throttlePauseMs(reply, consecutive, BACKOFF)).toBe(expected);
  });
});
