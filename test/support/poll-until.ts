/** Resolves once `done()` is true, checking every 25 ms; rejects with `failure()` after `timeoutMs`. */
export async function pollUntil(done: () => boolean, timeoutMs: number, failure: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(failure());
    await new Promise((resolveWait) => setTimeout(resolveWait, 25));
  }
}
