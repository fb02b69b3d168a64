import { hasControlCharacter } from '@solidpoint/nestjs-smtp';

// A letter that shows: Hangul fillers (U+3164) and the like are letters but invisible.
const VISIBLE_LETTER = /(?!\p{Default_Ignorable_Code_Point})\p{L}/u;
// Format characters are invisible and can disguise text: bidirectional overrides and isolates
// (U+202A–U+202E, U+2066–U+2069), marks (U+200E, U+200F, U+061C), zero-width spaces, soft hyphens.
// Zero-width (non-)joiners stay: Persian and Indic names are spelt with them.
const FORMAT_CHARACTER = /(?![\u200C\u200D])\p{Cf}/u;
// Private-use characters show as nothing or as a glyph only some fonts have.
const PRIVATE_USE_CHARACTER = /\p{Co}/u;

/**
 * True for a name as a person writes it, in any script: at least one visible letter, combining
 * marks, spaces, apostrophes and hyphens allowed; no control, format or private-use characters,
 * which could break a header, hide text or reverse it in the email that greets the person.
 * @example isPersonName('Jean-Luc') // true
 * @example isPersonName('\u202Eevil\u202C') // false
 */
export function isPersonName(value: string): boolean {
  return (
    VISIBLE_LETTER.test(value) &&
    !FORMAT_CHARACTER.test(value) &&
    !PRIVATE_USE_CHARACTER.test(value) &&
    !hasControlCharacter(value)
  );
}
