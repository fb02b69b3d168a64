import { ConfigModule } from '@nestjs/config';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StartupError } from '../config/startup.error';
import { describeFatalError } from '../logging/error-description';
import { composePreviews } from './compose-previews';
import { parsePreviewArguments, PREVIEW_USAGE } from './preview-arguments';
import { previewSender, SAMPLE_RECIPIENT } from './preview-sender';
import { PreviewDirectoryError, writePreviews } from './write-previews';

/** `npm run mail:preview -- --out <dir>`: no SMTP server, no database, no app start. */
async function main(argv: readonly string[]): Promise<number> {
  const request = parsePreviewArguments(argv);
  if (request.kind === 'help') {
    process.stdout.write(`${PREVIEW_USAGE}\n`);
    return 0;
  }
  if (request.kind === 'wrong') {
    process.stderr.write(`${request.reason}\n${PREVIEW_USAGE}\n`);
    return 2;
  }
  // Puts the variables of ./.env into process.env as the app reads them (the environment wins), so
  // the previews show the sender the app would use.
  await ConfigModule.forRoot({ ignoreEnvFile: process.env.NODE_ENV === 'test' });
  const sender = previewSender(process.env);
  const outDir = resolve(request.outDir);
  const previews = await composePreviews(sender.from);
  await writePreviews(outDir, previews, sender.from, SAMPLE_RECIPIENT);
  process.stdout.write(
    `mail:preview: wrote ${previews.length} previews (.eml and .html) and index.html to ${outDir}, from ${sender.from} (${sender.source === 'sample' ? 'a sample sender: SMTP_FROM is not set' : sender.source}) to ${SAMPLE_RECIPIENT}\n` +
      `Open ${pathToFileURL(`${outDir}/index.html`).href}\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const oneLine = error instanceof StartupError || error instanceof PreviewDirectoryError;
    process.stderr.write(`${oneLine ? error.message : `mail:preview failed: ${describeFatalError(error)}`}\n`);
    process.exit(1);
  },
);
