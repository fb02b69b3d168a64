import type { ChildProcess } from 'node:child_process';
import { pollUntil } from './poll-until';

/**
 * How long a process may take to say it is ready. Generous on purpose: starting is not what the
 * tests measure, and an app creating its embedded database on a busy 2-core machine has taken
 * well over 10 s.
 */
const STARTUP_TIMEOUT_MS = 30_000;

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A child process the tests read as a person would: its stdout and stderr, and how it ended. */
export class ObservedProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<ExitStatus>;

  protected constructor(protected readonly child: ChildProcess) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  }

  /** Whether the process is still running. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves once stdout contains `text`; rejects after `timeoutMs`. */
  async waitForOutput(text: string, timeoutMs = 10_000): Promise<void> {
    await this.poll(() => this.stdout.includes(text), timeoutMs);
  }

  /**
   * Resolves once stdout contains `text`. Rejects with what the process printed if it exits first,
   * or if it is still silent after 30 s, killing it then: one left running would keep jest from
   * ever exiting.
   */
  protected async started(text: string): Promise<void> {
    try {
      await this.poll(() => this.stdout.includes(text) || !this.running, STARTUP_TIMEOUT_MS);
    } catch (error) {
      await this.stop('SIGKILL');
      throw error;
    }
    if (!this.stdout.includes(text)) {
      const status = await this.exited;
      throw new Error(
        `exited (${JSON.stringify(status)}) before printing "${text}"; stderr:\n${this.stderr}\nstdout:\n${this.stdout}`,
      );
    }
  }

  /** Sends `signal` and waits for the process to end. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<ExitStatus> {
    if (this.running) this.child.kill(signal);
    return this.exited;
  }

  protected poll(done: () => boolean, timeoutMs: number): Promise<void> {
    return pollUntil(done, timeoutMs, () => `expected output not seen within ${timeoutMs} ms; stdout:\n${this.stdout}`);
  }
}
