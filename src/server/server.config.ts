import { ConfigType, registerAs } from '@nestjs/config';
import { isIP } from 'node:net';
import { EnvironmentReader } from '../config/environment-reader';

/** Express's names for address ranges a proxy may be in. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;

/**
 * Which peers are proxies whose `X-Forwarded-For` the app believes, as Express's `trust proxy`
 * setting takes it: `false` (none: the client is the TCP peer), a number of proxy hops in front
 * of the app, or addresses, CIDR ranges and range names.
 */
export type TrustProxy = false | number | readonly string[];

/** Where the HTTP server listens, and what it believes about the client's address. */
export interface ServerConfig {
  /** `PORT`, default 3000. */
  port: number;
  /** `HOST`, default `0.0.0.0` (all IPv4 interfaces). */
  host: string;
  /** `TRUST_PROXY`, default `false`: `X-Forwarded-For` is ignored unless a proxy is named. */
  trustProxy: TrustProxy;
}

export function parseServerEnvironment(env: NodeJS.ProcessEnv): Readonly<ServerConfig> {
  const reader = new EnvironmentReader(env);
  return reader.result({
    port: reader.port('PORT', 3000),
    host: reader.text('HOST') ?? '0.0.0.0',
    trustProxy: readTrustProxy(reader),
  });
}

function readTrustProxy(reader: EnvironmentReader): TrustProxy {
  const value = reader.text('TRUST_PROXY');
  if (value === undefined) return false;
  if (/^\d{1,3}$/.test(value) && Number(value) >= 1) return Number(value);
  if (value === 'true') {
    // Express would then take the left-most X-Forwarded-For entry, which any client can write.
    reader.problem(
      'TRUST_PROXY=true would believe an X-Forwarded-For that any client can forge; ' +
        'give the number of proxies in front of the app (e.g. 1) or their addresses',
    );
    return false;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const wrong = entries.find((entry) => !isProxyRange(entry));
  if (wrong === undefined) return entries;
  reader.problem(
    'TRUST_PROXY must be a number of proxies from 1 (e.g. 1), or a comma-separated list of ' +
      `${PROXY_RANGE_NAMES.join(', ')}, IP addresses and CIDR ranges; "${wrong}" is none of these`,
  );
  return false;
}

/** A range name, an IP address, or `address/prefix` with a prefix that fits the address (1-32 or 1-128). */
function isProxyRange(entry: string): boolean {
  if ((PROXY_RANGE_NAMES as readonly string[]).includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  // A zone (`fe80::1%eth0`) is refused: Express's address parser may not read it the same way.
  if (version === 0 || rest.length > 0 || address.includes('%')) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= (version === 4 ? 32 : 128);
}

export const serverConfig = registerAs('server', () => parseServerEnvironment(process.env));
export type ServerConfigType = ConfigType<typeof serverConfig>;
