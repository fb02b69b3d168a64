/**
 * The largest JSON body the app reads. A registration needs under 8 kB even when every
 * character of its longest fields (a 1024-character password, two 100-character names) is
 * escaped as `\uXXXX`; anything larger is refused before it is read into memory.
 */
export const JSON_BODY_LIMIT_BYTES = 16 * 1024;

/**
 * How deep a JSON body may nest arrays and objects. A registration is one level; the limit leaves
 * room for richer bodies while keeping recursive code (class-transformer, the validation pipe) far
 * from the stack's end, which about 1,300 nested arrays reach.
 */
export const JSON_MAX_DEPTH = 32;

/**
 * How long a client may take to send a request: its headers, then all of it. A registration is
 * under 8 kB, so honest clients need a fraction of this; slow or stalled clients are cut off with
 * Node's 408 instead of holding a connection for minutes (Node's defaults are 60 s and 300 s).
 */
export const HTTP_HEADERS_TIMEOUT_MS = 10_000;
export const HTTP_REQUEST_TIMEOUT_MS = 20_000;

/**
 * How often Node checks connections against those time-outs (its default, 30 s, would let a
 * stalled client stay up to 30 s longer than they say).
 */
export const HTTP_TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/** Replies to request bodies the app cannot read; none of them echoes the body. */
export const RequestBodyMessage = {
  notJson: 'The request body must be JSON, sent with Content-Type: application/json',
  malformed: 'The request body is not a valid JSON object',
  tooLarge: `The request body must be at most ${JSON_BODY_LIMIT_BYTES / 1024} kB`,
  tooDeep: `The request body must not nest arrays and objects more than ${JSON_MAX_DEPTH} levels deep`,
  unsupportedEncoding: 'The request body must be uncompressed JSON in UTF-8',
  notUtf8: 'The request body is not valid UTF-8',
  illFormed: (field: string) => `${field} must be well-formed Unicode text, without lone surrogates`,
  unreadable: 'The request body ended before its declared length',
} as const;

/** Log messages of the HTTP layer (`server.api.http`), besides its access lines. */
export const ServerLogMessage = {
  requestFailed: 'Request failed',
} as const;
