import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream, LoggerOptions } from 'pino';
import { formatConsoleLine } from './console-line';
import { describeError } from './error-description';
import { formatLocalTimestamp } from './local-timestamp';
import type { LoggingConfig } from './logging.config';
import { HTTP_LOGGER_NAME, LOGGER_NAME_FIELD } from './logging.constants';

/** Paths polled by orchestrators and Prometheus. */
const PROBE_PATH = /^\/(health|metrics)(\/|\?|$)/;

/**
 * nestjs-pino parameters: one JSON object per line with `level` as a label, `time` in local
 * ISO-8601 and the logger's name in `logger`; or the doc's console layout with `LOG_FORMAT=console`.
 *
 * HTTP access lines carry only method, URL and status: never headers (Authorization, cookies)
 * nor bodies (passwords). Successful `/health` and `/metrics` requests are logged at debug.
 * An error is logged as its type and what {@link describeError} allows: no stack, no query parameters.
 */
export function createPinoParams(config: LoggingConfig, destination: DestinationStream): Params {
  const options: LoggerOptions = {
    level: config.level,
    timestamp: () => `,"time":"${formatLocalTimestamp(new Date())}"`,
    formatters: { level: (label) => ({ level: label }) },
  };
  const stream =
    config.format === 'console' ? { write: (line: string) => destination.write(formatConsoleLine(line)) } : destination;
  return {
    renameContext: LOGGER_NAME_FIELD,
    pinoHttp: [
      {
        ...options,
        // Lines logged while serving a request carry only its id, not the whole request.
        quietReqLogger: true,
        serializers: {
          req: (req: IncomingMessage & { id?: unknown }) => ({ id: req.id, method: req.method, url: req.url }),
          res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
          err: (error: unknown) => ({
            type: error instanceof Error ? error.name : typeof error,
            message: describeError(error),
          }),
        },
        customLogLevel: (req, res, error) => {
          if (error || res.statusCode >= 500) return 'error';
          // Probes and scrapes come every few seconds: while they succeed they would drown the log.
          return PROBE_PATH.test(req.url ?? '') && res.statusCode < 400 ? 'debug' : 'info';
        },
        customSuccessObject: (_req, _res, value: object) => ({ [LOGGER_NAME_FIELD]: HTTP_LOGGER_NAME, ...value }),
        customErrorObject: (_req, _res, _error, value: object) => ({ [LOGGER_NAME_FIELD]: HTTP_LOGGER_NAME, ...value }),
      },
      stream,
    ],
  };
}
