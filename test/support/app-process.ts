import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBuiltScript, type ScriptResult } from './built-script';
import { freePort } from './free-port';
import { ObservedProcess, type ExitStatus } from './observed-process';
import { GENEROUS_LIMITS } from './registration';
import { createTestDatabase } from './test-database';

const MAIN = resolve(__dirname, '../../dist/main.js');

/** One parsed JSON log line. */
export type LogLine = Record<string, unknown> & { level: string; msg: string; logger?: string };

export type { ExitStatus } from './observed-process';

/** How the app is started, besides its environment. */
export interface AppStartOptions {
  /** Written as `.env` in the app's working directory, as a developer would. */
  envFile?: string;
  /** Node's own flags, before `dist/main.js`; none by default. */
  nodeFlags?: readonly string[];
}

/**
 * The built app (`node dist/main.js`) run the way an operator runs it: its own process, only
 * the environment given (plus PATH, and the lifted per-IP limit of `GENEROUS_LIMITS`), in an
 * empty working directory, so it reads no `.env` unless `envFile` gives one.
 * Without DATABASE_URL or DATA_DIR in that environment, it gets a fresh test database.
 */
async function withDatabase(env: Record<string, string>): Promise<Record<string, string>> {
  return 'DATABASE_URL' in env || 'DATA_DIR' in env ? env : { ...(await createTestDatabase()), ...env };
}

export class AppProcess extends ObservedProcess {
  private constructor(
    child: ChildProcess,
    readonly url: string,
  ) {
    super(child);
  }

  /** Starts the app and waits until it listens; rejects if it exits instead. */
  static async start(env: Record<string, string>, options: AppStartOptions = {}): Promise<AppProcess> {
    const app = AppProcess.spawn(await withDatabase(env), await freePort(), options);
    // Matched as text: the line may be JSON or, with LOG_FORMAT=console, tab-separated.
    await app.started('Listening on http://');
    return app;
  }

  /** Runs the app with `env` until it exits by itself (e.g. refusing a bad configuration). */
  static async runToExit(env: Record<string, string>): Promise<AppProcess & { status: ExitStatus }> {
    const app = AppProcess.spawn(await withDatabase(env), await freePort());
    const status = await app.exited;
    return Object.assign(app, { status });
  }

  private static spawn(env: Record<string, string>, port: number, options: AppStartOptions = {}): AppProcess {
    const cwd = mkdtempSync(join(tmpdir(), 'app-cwd-'));
    if (options.envFile !== undefined) writeFileSync(join(cwd, '.env'), options.envFile);
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), MAIN], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...GENEROUS_LIMITS, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new AppProcess(child, `http://127.0.0.1:${port}`);
  }

  /** The built outbox CLI (`npm run outbox -- ...`) with `env`, run to its end. */
  static runOutboxCli(env: Record<string, string>, args: string[]): Promise<ScriptResult> {
    return runBuiltScript('outbox/outbox-cli.js', args, env);
  }

  /** The built users CLI (`npm run users -- ...`) with `env`, run to its end. */
  static runUsersCli(env: Record<string, string>, args: string[]): Promise<ScriptResult> {
    return runBuiltScript('users/users-cli.js', args, env);
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
}
