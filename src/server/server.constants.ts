/**
 * The largest JSON body the app reads. A registration needs under 8 kB even when every
 * character of its longest fields (a 1024-character password, two 100-character names) is
 * escaped as `\uXXXX`; anything larger is refused before it is read into memory.
 */
export const JSON_BODY_LIMIT_BYTES = 16 * 1024;

/** Replies to request bodies the app cannot read; none of them echoes the body. */
export const RequestBodyMessage = {
  notJson: 'The request body must be JSON, sent with Content-Type: application/json',
  malformed: 'The request body is not a valid JSON object',
  tooLarge: `The request body must be at most ${JSON_BODY_LIMIT_BYTES / 1024} kB`,
  unsupportedEncoding: 'The request body must be uncompressed JSON in UTF-8',
  unreadable: 'The request body ended before its declared length',
} as const;
