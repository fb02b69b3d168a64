import { isIP } from 'node:net';
import { parsePort } from './environment-reader.js';

/** A parsed `host:port`. */
export interface SmtpServerAddress {
  /** DNS name or IP address; IPv6 without its brackets. */
  host: string;
  port: number;
}

const DNS_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

/**
 * Parses `SMTP_ADDRESS` (`host:port`, `ip:port` or `[ipv6]:port`). Returns the address, or a
 * sentence saying what is wrong (without echoing the value, which could hold a pasted secret).
 */
export function parseSmtpAddress(value: string): SmtpServerAddress | string {
  const match = /^(?:\[([^\]]*)\]|([^:[\]]*))(?::(.*))?$/.exec(value);
  if (!match) return 'must be host:port, e.g. smtp.example.com:587 (an IPv6 address goes in brackets: [::1]:587)';
  const [, ipv6, name, port] = match;
  if (port === undefined) return 'has no port: expected host:port, e.g. smtp.example.com:587';
  const host = ipv6 ?? name;
  const validHost = ipv6 !== undefined ? isIP(ipv6) === 6 : DNS_NAME.test(host) || isIP(host) === 4;
  if (!validHost) return 'host must be a DNS name, an IPv4 address or an IPv6 address in brackets, e.g. [::1]:587';
  const parsedPort = parsePort(port);
  if (parsedPort === undefined) return 'port must be a number from 1 to 65535';
  return { host, port: parsedPort };
}

/** `host:port` as an operator writes it in SMTP_ADDRESS (`[ipv6]:port` for an IPv6 address). */
export function serverLabel({ host, port }: SmtpServerAddress): string {
  return `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
}
