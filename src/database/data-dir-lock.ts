import { hostname } from 'node:os';
import { join } from 'node:path';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { StartupError } from '../config/startup.error';

const LOCK_FILE = 'app.lock';

/** Thrown when another live process holds the data directory. */
export class DataDirLockedError extends StartupError {
  override name = 'DataDirLockedError';
}

/**
 * An exclusive claim on the embedded database's directory: PGlite would let two processes open
 * the same files and corrupt them. The lock file names its owner (pid and host); a lock whose
 * owner is gone (SIGKILL, crash) is taken over, so a restart never needs a hand-made cleanup.
 */
export class DataDirLock {
  private constructor(
    private readonly path: string,
    private readonly owner: string,
  ) {}

  /** Takes the lock on `dataDir`, or throws {@link DataDirLockedError}. */
  static acquire(dataDir: string): DataDirLock {
    const path = join(dataDir, LOCK_FILE);
    const owner = `${process.pid} ${hostname()} ${randomUUID()}`;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      // Written aside, then hard-linked into place: link fails if the lock exists, atomically.
      const candidate = `${path}.${randomUUID()}`;
      writeFileSync(candidate, owner);
      try {
        linkSync(candidate, path);
        return new DataDirLock(path, owner);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      } finally {
        unlinkSync(candidate);
      }
      const holder = readOwner(path);
      if (holder !== undefined && isAlive(holder)) {
        throw new DataDirLockedError(
          `DATA_DIR ${dataDir} is in use by another process (pid ${holder.split(' ')[0]} on ${holder.split(' ')[1]}). ` +
            'The embedded database serves one process; to run several instances, use PostgreSQL through DATABASE_URL',
        );
      }
      takeOverStale(path, holder);
    }
    throw new DataDirLockedError(`DATA_DIR ${dataDir}: could not take the lock ${path}; is another instance starting?`);
  }

  /** Gives the lock up, if it is still ours. */
  release(): void {
    if (readOwner(this.path) === this.owner) unlinkSync(this.path);
  }
}

function readOwner(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Whether the process that wrote `owner` still runs. A lock from another host counts as alive. */
function isAlive(owner: string): boolean {
  const [pid, host] = owner.split(' ');
  if (host !== hostname()) return true;
  // In a container the restarted app often gets the dead one's pid: that lock is ours and stale.
  if (Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(Number(pid));
}

/** A killed process nobody has reaped yet still answers signals; Linux shows it as state Z. */
function isZombie(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .startsWith('Z');
  } catch {
    return false;
  }
}

/**
 * Moves a stale lock out of the way. Two processes may find the same stale lock at once: each
 * renames it to a name of its own (only one rename finds it), and one that finds it already
 * replaced by a live owner's lock puts that lock back and lets the loop see the live owner.
 */
function takeOverStale(path: string, staleOwner: string | undefined): void {
  const aside = `${path}.stale.${randomUUID()}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readOwner(aside) !== staleOwner) {
    try {
      linkSync(aside, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  unlinkSync(aside);
}
