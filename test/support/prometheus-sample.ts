/** The value of one sample in Prometheus' text format, e.g. `smtp_emails_failed_total{kind="transient"}`. */
export function sample(text: string, name: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  if (!line) throw new Error(`no sample ${name} in:\n${text}`);
  return Number(line.slice(name.length + 1));
}
