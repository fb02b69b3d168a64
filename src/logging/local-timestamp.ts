/**
 * ISO-8601 with milliseconds and the local UTC offset, as in the operator doc's log lines:
 * `2026-02-09T16:37:54.135+03:00` (`Z` is never used, so every line shows the same layout).
 */
export function formatLocalTimestamp(date: Date, offsetMinutes = -date.getTimezoneOffset()): string {
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const absolute = Math.abs(offsetMinutes);
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, -1);
  return `${local}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
