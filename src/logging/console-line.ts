import { LOGGER_NAME_FIELD } from './logging.constants';

/** Fields that have a column of their own, or that the console layout leaves out. */
const NOT_A_FIELD = new Set(['level', 'time', 'msg', LOGGER_NAME_FIELD, 'pid', 'hostname']);

/**
 * Turns one JSON log line into the operator doc's layout:
 * `<time>\t<LEVEL>\t<logger>\t<msg>\t<fields as JSON>`, e.g.
 * `2026-02-09T16:37:54.135+03:00\tDEBUG\tserver.api.smtpClient\tNew email\t{"From": "a@b.c", ...}`.
 * The fields column is left out when a line has no fields.
 */
export function formatConsoleLine(jsonLine: string): string {
  const entry = JSON.parse(jsonLine) as Record<string, unknown> & { time: string; level: string; msg?: string };
  const logger = entry[LOGGER_NAME_FIELD];
  const columns = [entry.time, entry.level.toUpperCase(), typeof logger === 'string' ? logger : '-', entry.msg ?? ''];
  const fields = Object.entries(entry).filter(([key]) => !NOT_A_FIELD.has(key));
  if (fields.length > 0) columns.push(formatFields(fields));
  return `${columns.join('\t')}\n`;
}

/** `{"From": "a", "To": ["b"]}`: the spacing the doc's examples use. */
function formatFields(fields: [string, unknown][]): string {
  return `{${fields.map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(', ')}}`;
}
