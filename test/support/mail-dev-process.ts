import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';
import { ObservedProcess, type ExitStatus } from './observed-process';

const MAIL_DEV = resolve(__dirname, '../../scripts/mail-dev.js');

/** Where a catcher's web view listens, and the directory of its CA. */
export interface MailDevOptions {
  /** Default: a free port. */
  webPort?: number;
  /** MAIL_DEV_CA_DIR; default: a new directory, so no test shares a developer's CA. */
  caDir?: string;
}

/** A directory path for a catcher's CA that does not exist yet (the catcher creates it). */
export function newCaDirectory(): string {
  return join(mkdtempSync(join(tmpdir(), 'mail-dev-ca-')), 'ca');
}

/**
 * The local SMTP catcher that `npm run mail:dev` starts, run as `node scripts/mail-dev.js <port>
 * <web-port>` (without npm in between, so a signal reaches it directly and its own exit code is seen).
 */
export class MailDevProcess extends ObservedProcess {
  private constructor(
    readonly port: number,
    readonly webPort: number,
    caDir: string,
  ) {
    super(
      spawn(process.execPath, [MAIL_DEV, String(port), String(webPort)], {
        env: { PATH: process.env.PATH ?? '', MAIL_DEV_CA_DIR: caDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
  }

  /** Starts the catcher on `port` and waits until it says it is waiting for messages; rejects if it exits instead. */
  static async start(port: number, options: MailDevOptions = {}): Promise<MailDevProcess> {
    const catcher = new MailDevProcess(port, options.webPort ?? (await freePort()), options.caDir ?? newCaDirectory());
    await catcher.started('Waiting for messages');
    return catcher;
  }

  /** Runs the catcher on `port` and `webPort` until it exits by itself (e.g. refusing a taken port). */
  static async runToExit(port: number, webPort: number): Promise<MailDevProcess & { status: ExitStatus }> {
    const catcher = new MailDevProcess(port, webPort, newCaDirectory());
    return Object.assign(catcher, { status: await catcher.exited });
  }

  /** Where its web view listens, e.g. `http://127.0.0.1:1080`. */
  get webUrl(): string {
    return `http://127.0.0.1:${this.webPort}`;
  }

  /** The CA file it printed for NODE_EXTRA_CA_CERTS, to send to it over STARTTLS. */
  caFile(): string {
    const line = /^ {4}NODE_EXTRA_CA_CERTS=(\S+) npm start$/m.exec(this.stdout);
    if (!line) throw new Error(`mail:dev printed no NODE_EXTRA_CA_CERTS line:\n${this.stdout}`);
    return line[1];
  }

  /** The `.env` lines the catcher printed for a developer to copy, one per line. */
  envLines(): string[] {
    return this.stdout
      .split('\n')
      .filter((line) => /^ {4}SMTP_[A-Z_]+=/.test(line))
      .map((line) => line.trim());
  }

  /**
   * The printed block of message `number` (1-based), from its title line to the next title, once
   * the catcher has printed it whole (it writes each message at once; the body ends with a rule).
   */
  async message(number: number, timeoutMs = 10_000): Promise<string> {
    const block = () => {
      const start = this.stdout.indexOf(`=== message ${number}, `);
      if (start === -1) return undefined;
      const end = this.stdout.indexOf('\n===', start);
      return this.stdout.slice(start, end === -1 ? undefined : end + 1);
    };
    await this.poll(() => {
      const text = block();
      return text !== undefined && text.endsWith('\n') && text.split(`\n${'-'.repeat(72)}\n`).length >= 3;
    }, timeoutMs);
    return block() as string;
  }
}
