import { sql } from 'drizzle-orm';
import { PinoLogger } from 'nestjs-pino';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DatabaseConnection } from '../src/database/database';
import type { EmbeddedDatabaseSetting } from '../src/database/database.config';
import { DATABASE_LOGGER_NAME } from '../src/database/database.constants';
import { openDatabase } from '../src/database/open-database';
import { NodeFlagsLogMessage, START_COMMAND, START_NODE_FLAGS } from '../src/server/node-flags';
import { AppProcess } from './support/app-process';
import { createTestDatabase } from './support/test-database';

const silent = new PinoLogger({ pinoHttp: { level: 'silent' } });

async function openEmbedded(settings: EmbeddedDatabaseSetting[]): Promise<DatabaseConnection> {
  const { DATA_DIR } = await createTestDatabase('embedded');
  return openDatabase({ kind: 'embedded', dataDir: DATA_DIR, settings }, silent);
}

async function show(connection: DatabaseConnection, name: string): Promise<string> {
  const result = await connection.db.execute(sql.raw(`SHOW ${name}`));
  // Both drivers return the rows on `rows`; SHOW's one column is named after the setting.
  const { rows } = result as { rows: Record<string, string>[] };
  return rows[0][name];
}

describe('the embedded database', () => {
  it('runs with shared_buffers=8MB and max_connections=2, sized for small tables', async () => {
    const connection = await openEmbedded([]);
    try {
      expect([await show(connection, 'shared_buffers'), await show(connection, 'max_connections')]).toEqual([
        '8MB',
        '2',
      ]);
    } finally {
      await connection.close();
    }
  });

  it("applies EMBEDDED_DATABASE_SETTINGS over the app's own", async () => {
    const connection = await openEmbedded(['shared_buffers=16MB', 'work_mem=7MB']);
    try {
      expect([await show(connection, 'shared_buffers'), await show(connection, 'work_mem')]).toEqual(['16MB', '7MB']);
    } finally {
      await connection.close();
    }
  });
});

describe('the built app with an EMBEDDED_DATABASE_SETTINGS that PostgreSQL refuses', () => {
  it.each([
    ['shared_buffers=banana', 'invalid value for parameter "shared_buffers": "banana"'],
    ['shared_bufers=64MB', 'unrecognized configuration parameter "shared_bufers"'],
  ])("exits with code 1 and PostgreSQL's reason on one line for %s", async (settings, reason) => {
    const { DATA_DIR } = await createTestDatabase('embedded');
    const app = await AppProcess.runToExit({ DATA_DIR, EMBEDDED_DATABASE_SETTINGS: settings });
    expect(app.status).toEqual({ code: 1, signal: null });
    expect(app.stderr).toBe(
      `Cannot open the embedded database in ${DATA_DIR}/pglite: ${reason}; check EMBEDDED_DATABASE_SETTINGS\n`,
    );
  });
});

describe("the built app on the embedded database, by Node's flags", () => {
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  const warningsOf = (app: AppProcess) =>
    app.logsOf(DATABASE_LOGGER_NAME).filter((line) => line.msg === NodeFlagsLogMessage.withoutLiftoffOnly);
  let app: AppProcess | undefined;

  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('is started by npm start with the command the warning names', () => {
    const { scripts } = JSON.parse(readFileSync(resolve(__dirname, '../package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.start).toBe(`npm run build && ${START_COMMAND}`);
  });

  it('warns of nothing when started as npm start starts it', async () => {
    app = await AppProcess.start(await createTestDatabase('embedded'), { nodeFlags: START_NODE_FLAGS });
    expect(warningsOf(app)).toEqual([]);
  });

  // Node 20 and 22 take the --liftoff-only the app sets at run time; Node 24 and later ignore it.
  it(`started as node dist/main.js, ${nodeMajor >= 24 ? 'warns once, with the command to use' : 'warns of nothing on this Node'}`, async () => {
    app = await AppProcess.start(await createTestDatabase('embedded'));
    const expected =
      nodeMajor >= 24
        ? [expect.objectContaining({ level: 'warn', node: process.version, startWith: START_COMMAND })]
        : [];
    expect(warningsOf(app)).toEqual(expected);
  });
});
