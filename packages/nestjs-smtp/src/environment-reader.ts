import { SmtpEnvironmentError } from './smtp-environment.error.js';

/**
 * Reads SMTP_* variables strictly and collects every problem, so one error names all the
 * variables that are wrong at once. An empty value counts as unset: `SMTP_FROM=` in a `.env`
 * file means "not given".
 */
export class EnvironmentReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** The raw value, or `undefined` when the variable is unset or empty. */
  text(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  /** One of `allowed` (exact, case-sensitive), or `fallback` when unset. */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.text(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problem(`${name} must be one of ${allowed.join(', ')}; got "${value}"`);
    return fallback;
  }

  /** A whole number from `min` up, or `fallback` when unset. */
  integer(name: string, fallback: number, min: number): number {
    const value = this.text(name);
    if (value === undefined) return fallback;
    if (/^\d{1,9}$/.test(value) && Number(value) >= min) return Number(value);
    this.problem(`${name} must be a whole number of at least ${min}; got "${value}"`);
    return fallback;
  }

  /** Records a problem; `result` will throw with all of them. */
  problem(message: string): void {
    this.problems.push(message);
  }

  /** Returns `config` frozen, or throws {@link SmtpEnvironmentError} listing every problem recorded. */
  result<T extends object>(config: T): Readonly<T> {
    if (this.problems.length > 0) throw new SmtpEnvironmentError(this.problems);
    return Object.freeze(config);
  }
}

/** Parses a decimal TCP port; `undefined` unless it is an integer from 1 to 65535. */
export function parsePort(value: string): number | undefined {
  if (!/^\d{1,5}$/.test(value)) return undefined;
  const port = Number(value);
  return port >= 1 && port <= 65535 ? port : undefined;
}
