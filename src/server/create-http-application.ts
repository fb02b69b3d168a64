import type { NestApplicationOptions } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { serverConfig, type ServerConfigType } from './server.config';
import { HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, HTTP_TIMEOUT_CHECK_INTERVAL_MS } from './server.constants';

/**
 * Creates the app's HTTP application with what `main.ts` and the in-process tests must share:
 * Nest's own body parsers off (ServerModule parses JSON instead, after the access logger),
 * Express's `trust proxy` from `TRUST_PROXY`, which decides the client address (`req.ip`) the
 * per-IP registration limit counts by, and time-outs for slow clients.
 * @param create makes the application from the given options: `NestFactory.create`, or a testing
 *   module's `createNestApplication`, with options of its own added.
 */
export async function createHttpApplication(
  create: (options: NestApplicationOptions) => Promise<NestExpressApplication> | NestExpressApplication,
): Promise<NestExpressApplication> {
  const app = await create({ bodyParser: false });
  app.set('trust proxy', app.get<ServerConfigType>(serverConfig.KEY).trustProxy);
  limitRequestTime(app.getHttpServer());
  return app;
}

/**
 * Cuts off clients that send their headers or their request too slowly (Node answers 408 and
 * closes the connection). Nest creates the server without options; Node reads these properties
 * when the server starts listening and at each check, so setting them before `listen` is enough.
 */
function limitRequestTime(server: Server): void {
  server.headersTimeout = HTTP_HEADERS_TIMEOUT_MS;
  server.requestTimeout = HTTP_REQUEST_TIMEOUT_MS;
  // Typed only as a createServer option, but read from the server when it starts listening.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    HTTP_TIMEOUT_CHECK_INTERVAL_MS;
}
