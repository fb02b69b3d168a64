import { ConfigType, registerAs } from '@nestjs/config';
import { EnvironmentReader } from '../config/environment-reader';

/** Where the HTTP server listens. */
export interface ServerConfig {
  /** `PORT`, default 3000. */
  port: number;
  /** `HOST`, default `0.0.0.0` (all IPv4 interfaces). */
  host: string;
}

export function parseServerEnvironment(env: NodeJS.ProcessEnv): Readonly<ServerConfig> {
  const reader = new EnvironmentReader(env);
  return reader.result({
    port: reader.port('PORT', 3000),
    host: reader.text('HOST') ?? '0.0.0.0',
  });
}

export const serverConfig = registerAs('server', () => parseServerEnvironment(process.env));
export type ServerConfigType = ConfigType<typeof serverConfig>;
