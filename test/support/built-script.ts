import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** How a script run to its end finished, and everything it printed. */
export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A script of the build (`dist/<script>`), e.g. `outbox/outbox-cli.js`, run as its npm script runs
 * it, with only `env` (plus PATH) and in `cwd`, to its end.
 */
export async function runBuiltScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  cwd?: string,
): Promise<ScriptResult> {
  const child = spawn(process.execPath, [resolve(__dirname, '../../dist', script), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // 'close', not 'exit': it comes after the last of stdout and stderr has been read.
  const code = await new Promise<number | null>((resolveExit) => child.once('close', resolveExit));
  return { code, stdout, stderr };
}
