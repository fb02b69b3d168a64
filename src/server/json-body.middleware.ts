import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { json } from 'body-parser';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findIllFormedText } from './ill-formed-text';
import { exceedsJsonDepth } from './json-depth';
import { JSON_BODY_LIMIT_BYTES, JSON_MAX_DEPTH, RequestBodyMessage } from './server.constants';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** True for `application/json` and `application/<something>+json`, with or without parameters. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0].trim().toLowerCase() ?? '';
  return /^application\/([\w.-]+\+)?json$/.test(mediaType);
}

/**
 * Parses JSON request bodies of up to {@link JSON_BODY_LIMIT_BYTES} into `req.body`, and refuses
 * any other body with 415: a form or a text/plain body is what a hostile web page can make a
 * visitor's browser send without asking CORS, so accepting only JSON keeps the API out of reach
 * of such pages. Before parsing, a body must be UTF-8 and nest at most {@link JSON_MAX_DEPTH}
 * levels; after, every string in it must be well-formed Unicode (400 naming the field). Requests without a body pass untouched. Errors reach Nest as HTTP exceptions with the
 * messages in {@link RequestBodyMessage}, never the parser's own text (which quotes the body).
 */
export function jsonBodyParser(): Middleware {
  // The content type is checked below, so the parser may take every body it is given. Bodies
  // this small gain nothing from compression, so none is accepted (no decompression work).
  const parse = json({ limit: JSON_BODY_LIMIT_BYTES, type: () => true, inflate: false, verify: checkBeforeParsing });
  return (req, res, next) => {
    if (!declaresBody(req)) return next();
    if (!isJsonMediaType(req.headers['content-type'])) {
      return refuseUnread(res, next, new UnsupportedMediaTypeException(RequestBodyMessage.notJson));
    }
    if (Number(req.headers['content-length']) > JSON_BODY_LIMIT_BYTES) {
      return refuseUnread(res, next, new PayloadTooLargeException(RequestBodyMessage.tooLarge));
    }
    parse(req, res, (error?: unknown) => {
      if (error !== undefined) return next(toHttpException(error));
      const illFormed = findIllFormedText((req as IncomingMessage & { body: unknown }).body);
      next(illFormed === undefined ? undefined : new BadRequestException([RequestBodyMessage.illFormed(illFormed)]));
    });
  };
}

function declaresBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
}

/**
 * Answers without reading the body, and closes the connection after the answer: Node would
 * otherwise read and discard the rest of the body to keep the connection, however long it is
 * announced to be.
 */
function refuseUnread(res: ServerResponse, next: (error: unknown) => void, error: Error): void {
  res.setHeader('Connection', 'close');
  next(error);
}

/** body-parser's `verify` hook: the raw bytes, before they are decoded and parsed. */
function checkBeforeParsing(_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string): void {
  // JSON is UTF-8 (RFC 8259); body-parser would also decode UTF-16 and UTF-32.
  if (encoding !== 'utf-8' && encoding !== 'utf8') throw refusal('charset.unsupported');
  // Decoding would silently turn invalid bytes into U+FFFD.
  if (!isUtf8(body)) throw refusal('entity.invalid.utf8');
  if (exceedsJsonDepth(body, JSON_MAX_DEPTH)) throw refusal('entity.too.deep');
}

function refusal(type: string): Error {
  return Object.assign(new Error(type), { type });
}

/**
 * body-parser's errors (see its `type` field) as the replies the client gets. Its own error is
 * dropped: its message quotes the body and its `body` field holds all of it, password included.
 */
function toHttpException(error: unknown): unknown {
  switch ((error as { type?: unknown }).type) {
    case 'entity.too.large':
      return new PayloadTooLargeException(RequestBodyMessage.tooLarge);
    case 'entity.parse.failed':
      return new BadRequestException(RequestBodyMessage.malformed);
    case 'entity.too.deep':
      return new BadRequestException(RequestBodyMessage.tooDeep);
    case 'entity.invalid.utf8':
      return new BadRequestException(RequestBodyMessage.notUtf8);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new UnsupportedMediaTypeException(RequestBodyMessage.unsupportedEncoding);
    case 'request.aborted':
    case 'request.size.invalid':
      return new BadRequestException(RequestBodyMessage.unreadable);
    default:
      // A fault of the server, not the client (e.g. the stream was already read): Nest answers
      // 500 and logs it.
      return error;
  }
}
