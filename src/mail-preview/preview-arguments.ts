export const PREVIEW_USAGE = `Usage: npm run mail:preview -- --out <dir>
  writes every notification in every locale into <dir> (created if missing):
  <name>.<locale>.eml, the exact message the app would send; <name>.<locale>.html, its HTML part
  (or its text as a page); and index.html, linking them all`;

/** What the command line asks for: previews written to `outDir`, the usage, or a mistake. */
export type PreviewRequest = { kind: 'write'; outDir: string } | { kind: 'help' } | { kind: 'wrong'; reason: string };

/** Reads `--out <dir>` (or `--out=<dir>`) and nothing else; `-h`/`--help` asks for the usage. */
export function parsePreviewArguments(argv: readonly string[]): PreviewRequest {
  if (argv.length === 1 && (argv[0] === '-h' || argv[0] === '--help')) return { kind: 'help' };
  const [first, second, ...rest] = argv;
  const inline = first?.startsWith('--out=') ? first.slice('--out='.length) : undefined;
  const outDir = inline ?? (first === '--out' ? second : undefined);
  const extra = inline === undefined ? rest : [second, ...rest].filter((arg) => arg !== undefined);
  if (outDir === undefined || outDir === '' || outDir.startsWith('-'))
    return { kind: 'wrong', reason: 'mail:preview: --out <dir> is required' };
  if (extra.length > 0) return { kind: 'wrong', reason: `mail:preview: unexpected argument "${extra[0]}"` };
  return { kind: 'write', outDir };
}
