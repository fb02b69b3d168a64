/**
 * What no reply and no log line may show a client or an operator: a stack frame, a path into the
 * code or its dependencies, a serialised `stack` field.
 */
const INTERNALS = /\n\s+at |node_modules|\/work\/|\.ts:\d|"stack"/;

/** Asserts that `output` (replies and log lines, as text) shows nothing internal, nor `sent` when given. */
export function expectNoInternals(output: string, sent?: string): void {
  expect(output).not.toMatch(INTERNALS);
  if (sent !== undefined) expect(output).not.toContain(sent);
}
