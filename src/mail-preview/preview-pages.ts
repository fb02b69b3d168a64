import { escapeHtml } from '../notifications/letter';
import type { MailPreview } from './compose-previews';

const STYLE =
  'body{font:15px/1.5 system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em}' +
  'pre{white-space:pre-wrap;font:inherit}table{border-collapse:collapse}' +
  'th,td{padding:.3em .8em;text-align:left;border-bottom:1px solid #ddd}';

function page(lang: string, title: string, body: string): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body>\n${body}\n</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** The file a preview is written to: `<name>.<locale>.eml` or `.html`. */
export function previewFileName(preview: MailPreview, extension: 'eml' | 'html'): string {
  return `${preview.name}.${preview.locale}.${extension}`;
}

/** The preview as a person reads it: its HTML part as sent, or else its text, escaped, as a page. */
export function previewPage(preview: MailPreview): string {
  return preview.html ?? page(preview.locale, preview.subject, `<pre>${escapeHtml(preview.text)}</pre>`);
}

/** A page linking every preview, with its subject, and saying who the previews are from and to. */
export function indexPage(previews: readonly MailPreview[], from: string, to: string): string {
  const rows = previews.map((preview) => {
    const link = (extension: 'eml' | 'html', label: string) =>
      `<a href="${escapeHtml(encodeURIComponent(previewFileName(preview, extension)))}">${label}</a>`;
    const view = link('html', preview.html === undefined ? 'text' : 'HTML');
    return `<tr><td>${escapeHtml(preview.name)}</td><td>${escapeHtml(preview.locale)}</td><td>${escapeHtml(preview.subject)}</td><td>${view} · ${link('eml', '.eml')}</td></tr>`;
  });
  return page(
    'en',
    'Email previews',
    [
      '<h1>Email previews</h1>',
      `<p>From ${escapeHtml(from)} to ${escapeHtml(to)}, with sample parameters. Each .eml holds the exact bytes the app sends; Message-ID, Date and multipart boundaries change with every send.</p>`,
      '<table>',
      '<tr><th>notification</th><th>locale</th><th>subject</th><th>open</th></tr>',
      ...rows,
      '</table>',
    ].join('\n'),
  );
}
