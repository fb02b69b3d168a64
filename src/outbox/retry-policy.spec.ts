import { RETRY_DELAY_CAP_SECONDS, retryDelaySeconds } from './retry-policy';

describe('retryDelaySeconds', () => {
  const noJitter = () => 0.5;

  it.each([
    [1, 30, 30],
    [2, 30, 60],
    [3, 30, 120],
    [7, 30, 1920],
    [8, 30, RETRY_DELAY_CAP_SECONDS],
    [20, 30, RETRY_DELAY_CAP_SECONDS],
    [1, 1, 1],
  ])('after attempt %i with a %i s base, waits %i s (jitter aside)', (attempt, base, expected) => {
    expect(retryDelaySeconds(attempt, base, noJitter)).toBeCloseTo(expected);
  });

  it('spreads retries by ±20%', () => {
    expect(retryDelaySeconds(1, 30, () => 0)).toBeCloseTo(24);
    expect(retryDelaySeconds(1, 30, () => 0.999999)).toBeCloseTo(36);
  });
});
