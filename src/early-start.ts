import { availableParallelism } from 'node:os';
import * as nodeModule from 'node:module';

// Imported first by main.ts: what follows must happen before the app's modules load, and before
// anything uses libuv's thread pool (README, Performance).

// Node 22.1 and later keep V8's compiled code of the app's 1,500 modules on disk and reuse it,
// in the system's temporary directory or NODE_COMPILE_CACHE; loading them is the largest part
// of a start. It never throws. Node 20 has no such API.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// Password hashing (scrypt, 16 MiB each) runs on libuv's thread pool, 4 threads by default, and
// glibc keeps each thread's last 16 MiB in that thread's own memory arena for good. With fewer
// than 4 cores, 4 threads hash no faster than one per core, so there are as many threads as
// cores, at least 2; an operator's UV_THREADPOOL_SIZE wins. libuv reads it when the pool starts.
process.env.UV_THREADPOOL_SIZE ??= String(Math.max(2, Math.min(4, availableParallelism())));
