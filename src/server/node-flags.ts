import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { databaseConfig, type DatabaseConfigType } from '../database/database.config';
import { DATABASE_LOGGER_NAME } from '../database/database.constants';
import { webAssemblyIsLiftoffOnly } from '../database/embedded-settings';

/**
 * Node's flags for the app's footprint, with which `npm start` runs it (package.json; a test
 * checks that they agree). README, Performance:
 * - `--liftoff-only`: PGlite's WebAssembly on V8's baseline compiler only. The app sets it itself
 *   (embedded-settings.ts), but Node 24 and later ignore it when it is set at run time.
 * - `--max-semi-space-size=16`: V8's young generation at most 3 × 16 MB, as Node 20 has it by
 *   default; Node 22 and later let it grow to 3 × 64 MB under load, held for good.
 */
export const START_NODE_FLAGS = ['--liftoff-only', '--max-semi-space-size=16'] as const;
export const START_COMMAND = `node ${START_NODE_FLAGS.join(' ')} dist/main.js`;

export const NodeFlagsLogMessage = {
  withoutLiftoffOnly: 'Node was started without --liftoff-only: the embedded database uses more memory',
} as const;

/**
 * Says so when the embedded database's WebAssembly will be optimised after all: on Node 24 and
 * later started without `--liftoff-only`, it costs 40-60 MB more for good, and up to 700 MB
 * while the app starts, enough for a container's memory limit to kill it.
 */
export function warnOfMissingNodeFlags(app: INestApplication): void {
  if (webAssemblyIsLiftoffOnly() || app.get<DatabaseConfigType>(databaseConfig.KEY).kind !== 'embedded') return;
  app
    .get(Logger)
    .warn(
      { node: process.version, startWith: START_COMMAND },
      NodeFlagsLogMessage.withoutLiftoffOnly,
      DATABASE_LOGGER_NAME,
    );
}
