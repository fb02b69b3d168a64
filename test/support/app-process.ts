import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';
import { createTestDatabase } from './test-database';
import { pollUntil } from './poll-until';

const MAIN = resolve(__dirname, '../../dist/main.js');

/** One parsed JSON log line. */
export type LogLine = Record<string, unknown> & { level: string; msg: string; logger?: string };

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * The built app (`node dist/main.js`) run the way an operator runs it: its own process, only
 * the environment given (plus PATH), in an empty working directory so no `.env` is read.
 * Without DATABASE_URL or DATA_DIR in that environment, it gets a fresh test database.
 */
async function withDatabase(env: Record<string, string>): Promise<Record<string, string>> {
  return 'DATABASE_URL' in env || 'DATA_DIR' in env ? env : { ...(await createTestDatabase()), ...env };
}

export class AppProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<ExitStatus>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  }

  /** Starts the app and waits until it listens (or exits). */
  static async start(env: Record<string, string>): Promise<AppProcess> {
    const app = AppProcess.spawn(await withDatabase(env), await freePort());
    // Matched as text: the line may be JSON or, with LOG_FORMAT=console, tab-separated.
    await Promise.race([app.waitForOutput('Listening on http://'), app.exited]);
    return app;
  }

  /** Runs the app with `env` until it exits by itself (e.g. refusing a bad configuration). */
  static async runToExit(env: Record<string, string>): Promise<AppProcess & { status: ExitStatus }> {
    const app = AppProcess.spawn(await withDatabase(env), await freePort());
    const status = await app.exited;
    return Object.assign(app, { status });
  }

  private static spawn(env: Record<string, string>, port: number): AppProcess {
    const child = spawn(process.execPath, [MAIN], {
      cwd: mkdtempSync(join(tmpdir(), 'app-cwd-')),
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new AppProcess(child, `http://127.0.0.1:${port}`);
  }

  /** The built outbox CLI (`npm run outbox -- ...`) with `env`, run to its end. */
  static async runOutboxCli(
    env: Record<string, string>,
    args: string[],
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [resolve(__dirname, '../../dist/outbox/outbox-cli.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
    return { code, stdout, stderr };
  }

  /** Every JSON line printed so far (non-JSON lines, e.g. in console format, are skipped). */
  logs(): LogLine[] {
    return this.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  }

  /** Lines of one logger, e.g. `server.api.smtpClient`. */
  logsOf(logger: string): LogLine[] {
    return this.logs().filter((line) => line.logger === logger);
  }

  /** Resolves with the first JSON line matching `predicate`; rejects after `timeoutMs`. */
  async waitFor(predicate: (line: LogLine) => boolean, timeoutMs = 10_000): Promise<LogLine> {
    let found: LogLine | undefined;
    await this.poll(() => (found = this.logs().find(predicate)) !== undefined, timeoutMs);
    return found as LogLine;
  }

  /** Resolves once stdout contains `text`; rejects after `timeoutMs`. */
  async waitForOutput(text: string, timeoutMs = 10_000): Promise<void> {
    await this.poll(() => this.stdout.includes(text), timeoutMs);
  }

  private poll(done: () => boolean, timeoutMs: number): Promise<void> {
    return pollUntil(done, timeoutMs, () => `expected output not seen within ${timeoutMs} ms; stdout:\n${this.stdout}`);
  }

  /** Sends `signal` and waits for the process to end. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<ExitStatus> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}
