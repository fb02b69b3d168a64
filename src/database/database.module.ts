import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import type { DatabaseConnection } from './database';
import { databaseConfig, type DatabaseConfigType } from './database.config';
import { DATABASE, DATABASE_CONNECTION, DATABASE_LOGGER_NAME } from './database.constants';
import { openDatabase } from './open-database';

/** Closes the database last, after everything that uses it has stopped. */
@Injectable()
class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/** The app's database: PostgreSQL with `DATABASE_URL`, otherwise the embedded one in `DATA_DIR`. */
@Global()
@Module({
  providers: [
    {
      provide: DATABASE_CONNECTION,
      inject: [databaseConfig.KEY, PinoLogger],
      useFactory: (config: DatabaseConfigType, logger: PinoLogger) => {
        logger.setContext(DATABASE_LOGGER_NAME);
        return openDatabase(config, logger);
      },
    },
    {
      provide: DATABASE,
      inject: [DATABASE_CONNECTION],
      useFactory: (connection: DatabaseConnection) => connection.db,
    },
    DatabaseCloser,
  ],
  exports: [DATABASE],
})
export class DatabaseModule {}
