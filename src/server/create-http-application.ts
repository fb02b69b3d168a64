import type { NestApplicationOptions } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { serverConfig, type ServerConfigType } from './server.config';

/**
 * Creates the app's HTTP application with what `main.ts` and the in-process tests must share:
 * Nest's own body parsers off (ServerModule parses JSON instead, after the access logger), and
 * Express's `trust proxy` from `TRUST_PROXY`, which decides the client address (`req.ip`) the
 * per-IP registration limit counts by.
 * @param create makes the application from the given options: `NestFactory.create`, or a testing
 *   module's `createNestApplication`, with options of its own added.
 */
export async function createHttpApplication(
  create: (options: NestApplicationOptions) => Promise<NestExpressApplication> | NestExpressApplication,
): Promise<NestExpressApplication> {
  const app = await create({ bodyParser: false });
  app.set('trust proxy', app.get<ServerConfigType>(serverConfig.KEY).trustProxy);
  return app;
}
