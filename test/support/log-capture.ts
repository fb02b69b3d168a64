import type { LogLine } from './app-process';
import { pollUntil } from './poll-until';

/**
 * An in-memory log destination: stands in for stdout (the LOG_DESTINATION provider) and keeps
 * each line as an operator would read it, parsed.
 */
export class LogCapture {
  readonly text: string[] = [];

  write(line: string): void {
    this.text.push(line);
  }

  lines(): LogLine[] {
    return this.text.map((line) => JSON.parse(line) as LogLine);
  }

  of(logger: string): LogLine[] {
    return this.lines().filter((line) => line.logger === logger);
  }

  /** Resolves with the first line of `logger` matching `predicate`; rejects after `timeoutMs`. */
  async waitFor(logger: string, predicate: (line: LogLine) => boolean, timeoutMs = 10_000): Promise<LogLine> {
    let found: LogLine | undefined;
    await pollUntil(
      () => (found = this.of(logger).find(predicate)) !== undefined,
      timeoutMs,
      () => `no matching ${logger} line within ${timeoutMs} ms`,
    );
    return found as LogLine;
  }
}
