import { type ConfigType, registerAs } from '@nestjs/config';
import { DKIM_VARIABLES, readDkimEnvironment } from './dkim/dkim.environment.js';
import { EnvironmentReader } from './environment-reader.js';
import type { SmtpModuleOptions, SmtpSecurity } from './interfaces/smtp-module-options.interface.js';
import { isEmailAddress, parseMailbox } from './mailbox.js';
import { OAUTH2_VARIABLES, readOAuth2Environment } from './oauth2/oauth2.environment.js';
import { parseSmtpAddress, serverLabel, type SmtpServerAddress } from './smtp-address.js';
import { DEFAULT_SMTP_POOL_SIZE } from './smtp.constants.js';

const SMTP_SECURITY_MODES: readonly SmtpSecurity[] = ['none', 'starttls', 'tls'];
const SMTP_AUTH_METHODS = ['password', 'oauth2'] as const;

/**
 * The operator doc's port rule: 25 is plain SMTP, 587 is STARTTLS. 465 is implicit TLS by
 * convention (RFC 8314); any other port gets STARTTLS, the safe choice that never sends in clear.
 */
export function securityForPort(port: number): SmtpSecurity {
  if (port === 25) return 'none';
  if (port === 465) return 'tls';
  return 'starttls';
}

/**
 * SMTP_ADDRESS as a list: `host:port`, or several separated by commas, tried in order (failover).
 * Returns the servers, or a sentence saying what is wrong (never echoing the value).
 */
function parseServerList(value: string): SmtpServerAddress[] | string {
  const entries = value.split(',').map((entry) => entry.trim());
  const servers: SmtpServerAddress[] = [];
  for (const [index, entry] of entries.entries()) {
    const which = entries.length > 1 ? ` (server ${index + 1} of ${entries.length})` : '';
    const parsed = entry === '' ? 'has an empty entry: expected host:port[,host:port...]' : parseSmtpAddress(entry);
    if (typeof parsed === 'string') return `${parsed}${which}`;
    servers.push(parsed);
  }
  const labels = servers.map(serverLabel);
  if (new Set(labels).size < labels.length) return 'lists the same server twice';
  return servers;
}

/**
 * Reads SMTP_ADDRESS, SMTP_USERNAME, SMTP_PASSWORD, SMTP_FROM, SMTP_TLS, SMTP_POOL_SIZE,
 * SMTP_RATE_LIMIT, SMTP_FAILOVER_RETRY, SMTP_AUTH with SMTP_OAUTH_* (OAuth2), and SMTP_DKIM_*.
 * None of the first three set: SMTP is disabled (the doc's default). Anything half set or
 * malformed throws an SmtpEnvironmentError naming each variable; values of SMTP_PASSWORD,
 * SMTP_ADDRESS, the OAuth2 secrets and the DKIM key are never echoed.
 */
export function parseSmtpEnvironment(env: NodeJS.ProcessEnv): Readonly<SmtpModuleOptions> {
  const reader = new EnvironmentReader(env);
  const address = reader.text('SMTP_ADDRESS');
  const user = reader.text('SMTP_USERNAME');
  const pass = reader.text('SMTP_PASSWORD');
  const from = reader.text('SMTP_FROM');
  const tls = reader.text('SMTP_TLS');

  if (address === undefined && user === undefined && pass === undefined) {
    for (const name of ['SMTP_FROM', 'SMTP_TLS', 'SMTP_AUTH', ...OAUTH2_VARIABLES, ...DKIM_VARIABLES]) {
      if (reader.text(name) !== undefined)
        reader.problem(`${name} is set but SMTP_ADDRESS is not; set SMTP_ADDRESS to enable SMTP`);
    }
    return reader.result({ enabled: false });
  }

  const method = reader.oneOf('SMTP_AUTH', SMTP_AUTH_METHODS, 'password');
  const oauth2 = method === 'oauth2' ? readOAuth2Environment(reader, user) : undefined;
  if (method === 'password') {
    if (user !== undefined && pass === undefined)
      reader.problem('SMTP_USERNAME is set but SMTP_PASSWORD is not; set both or neither');
    if (pass !== undefined && user === undefined)
      reader.problem('SMTP_PASSWORD is set but SMTP_USERNAME is not; set both or neither');
    for (const name of OAUTH2_VARIABLES) {
      if (reader.text(name) !== undefined) reader.problem(`${name} is set but SMTP_AUTH is not oauth2`);
    }
  }
  if (address === undefined)
    reader.problem('SMTP_ADDRESS is not set but SMTP credentials are; set it to host:port, e.g. smtp.example.com:587');
  const servers = address === undefined ? undefined : parseServerList(address);
  if (typeof servers === 'string') reader.problem(`SMTP_ADDRESS ${servers}`);

  if (from !== undefined && parseMailbox(from) === undefined) {
    reader.problem('SMTP_FROM must be an email address, optionally with a name: "SolidPoint <noreply@example.com>"');
  }
  if (from === undefined && !(user !== undefined && isEmailAddress(user))) {
    reader.problem(
      user === undefined
        ? 'SMTP_FROM is not set and there is no SMTP_USERNAME to send as; set SMTP_FROM to the sender address'
        : 'SMTP_USERNAME is not an email address, so SMTP_FROM must be set to the sender address',
    );
  }
  const security = reader.oneOf('SMTP_TLS', SMTP_SECURITY_MODES, 'starttls');
  const poolSize = reader.integer('SMTP_POOL_SIZE', DEFAULT_SMTP_POOL_SIZE, 1);
  const rateLimit = reader.text('SMTP_RATE_LIMIT') === undefined ? undefined : reader.integer('SMTP_RATE_LIMIT', 0, 1);
  const failoverRetry =
    reader.text('SMTP_FAILOVER_RETRY') === undefined ? undefined : reader.integer('SMTP_FAILOVER_RETRY', 0, 1);
  const dkim = readDkimEnvironment(reader);

  // The port rule applies to each server; SMTP_TLS, when set, to all of them.
  const [first, ...failover] = (typeof servers === 'object' ? servers : [{ host: '', port: 0 }]).map((server) => ({
    ...server,
    security: tls === undefined ? securityForPort(server.port) : security,
  }));
  return reader.result({
    enabled: true,
    host: first.host,
    port: first.port,
    security: first.security,
    ...(failover.length > 0 ? { failover } : {}),
    ...(failoverRetry === undefined ? {} : { failoverRetryMs: failoverRetry * 1000 }),
    ...(oauth2 ? { auth: oauth2 } : user !== undefined && pass !== undefined ? { auth: { user, pass } } : {}),
    from: from ?? user ?? '',
    poolSize,
    ...(rateLimit === undefined ? {} : { rateLimit }),
    ...(dkim ? { dkim } : {}),
  });
}

/**
 * SMTP options from the environment, for `SmtpModule.forRootAsync(smtpConfig.asProvider())`
 * or for injecting through ConfigService.
 */
export const smtpConfig = registerAs('smtp', () => parseSmtpEnvironment(process.env));
export type SmtpConfigType = ConfigType<typeof smtpConfig>;
