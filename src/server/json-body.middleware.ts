import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { json } from 'body-parser';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { JSON_BODY_LIMIT_BYTES, RequestBodyMessage } from './server.constants';

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
 * of such pages. Requests without a body pass untouched. Errors reach Nest as HTTP exceptions
 * with the messages in {@link RequestBodyMessage}, never the parser's own text (which quotes the body).
 */
export function jsonBodyParser(): Middleware {
  // The content type is checked below, so the parser may take every body it is given. Bodies
  // this small gain nothing from compression, so none is accepted (no decompression work).
  const parse = json({ limit: JSON_BODY_LIMIT_BYTES, type: () => true, inflate: false });
  return (req, res, next) => {
    if (!declaresBody(req)) return next();
    if (!isJsonMediaType(req.headers['content-type'])) {
      return next(new UnsupportedMediaTypeException(RequestBodyMessage.notJson));
    }
    parse(req, res, (error?: unknown) => next(error === undefined ? undefined : toHttpException(error)));
  };
}

function declaresBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
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
