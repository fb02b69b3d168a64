import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { MailPreview } from './compose-previews';
import { indexPage, previewFileName, previewPage } from './preview-pages';

/** What an operator needs to read: `<dir>` cannot hold the previews, and why. */
export class PreviewDirectoryError extends Error {
  override name = 'PreviewDirectoryError';
}

/** Writes each preview's `.eml` and `.html`, and `index.html`, into `dir` (created if missing). */
export async function writePreviews(
  dir: string,
  previews: readonly MailPreview[],
  from: string,
  to: string,
): Promise<void> {
  const files = new Map<string, string>([['index.html', indexPage(previews, from, to)]]);
  for (const preview of previews) {
    files.set(previewFileName(preview, 'eml'), preview.raw);
    files.set(previewFileName(preview, 'html'), previewPage(preview));
  }
  try {
    await makeDirectory(dir);
    for (const [name, content] of files) await writeFile(join(dir, name), content);
  } catch (error) {
    throw new PreviewDirectoryError(`mail:preview: cannot write to ${dir}: ${(error as Error).message}`);
  }
}

/**
 * `mkdir -p`, one level at a time: Node's `mkdir(dir, { recursive: true })` never returns where
 * the kernel refuses with ENOENT under an existing parent (`/proc/x`: measured on Node 20).
 */
async function makeDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || dirname(dir) === dir) throw error;
    await makeDirectory(dirname(dir));
    await mkdir(dir);
  }
}
