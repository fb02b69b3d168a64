import { formatLocalTimestamp } from './local-timestamp';

describe('formatLocalTimestamp', () => {
  it.each([
    ['Moscow (+180 min)', 180, '2026-02-09T13:37:54.135Z', '2026-02-09T16:37:54.135+03:00'],
    ['UTC (0)', 0, '2026-02-09T13:37:54.135Z', '2026-02-09T13:37:54.135+00:00'],
    ["St John's (-210 min)", -210, '2026-02-09T13:37:54.005Z', '2026-02-09T10:07:54.005-03:30'],
    ['Kiritimati across midnight (+840 min)', 840, '2026-02-09T13:37:54.135Z', '2026-02-10T03:37:54.135+14:00'],
  ])('in %s writes %s', (_zone, offset, instant, expected) => {
    expect(formatLocalTimestamp(new Date(instant), offset)).toBe(expected);
  });

  it("uses the machine's own offset by default", () => {
    const now = new Date();
    expect(formatLocalTimestamp(now)).toBe(formatLocalTimestamp(now, -now.getTimezoneOffset()));
  });
});
