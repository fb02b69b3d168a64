import type { LogLine } from './app-process';

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
}
