import type { Locale } from './locale';
import type { RenderedNotification } from './notification-template';

/**
 * A notification's content in one language: a subject and paragraphs, each of one or more lines.
 * Both the text and the HTML part are made from it, so they cannot say different things.
 */
export interface Letter {
  subject: string;
  paragraphs: readonly string[];
}

/** The text part: paragraphs separated by a blank line, ending with a line break. */
export function plainText(letter: Letter): RenderedNotification {
  return { subject: letter.subject, text: `${letter.paragraphs.join('\n\n')}\n` };
}

/** The text part and an HTML alternative with the same paragraphs, every value escaped. */
export function textAndHtml(letter: Letter, locale: Locale): RenderedNotification {
  const paragraphs = letter.paragraphs.map(
    (paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br>\n')}</p>`,
  );
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(letter.subject)}</title></head>`,
    '<body>',
    ...paragraphs,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { ...plainText(letter), html };
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML shows it literally: a name like `<script>` stays text, in an element or an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}
