import { isIP } from 'node:net';

/**
 * What the per-IP limit counts by: an IPv4 address as is (also when the server reports it
 * IPv4-mapped, `::ffff:203.0.113.7`), and an IPv6 address by its /64 network, because one
 * subscriber is usually given a whole /64 and could otherwise take a fresh address per request.
 * Anything else (no address: the connection is gone) counts as one shared "unknown".
 * @example clientNetwork('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function clientNetwork(ip: string | undefined): string {
  const address = ip?.split('%')[0] ?? '';
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 0) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, in hex without leading zeros. */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.split('::');
  const groupsOf = (part: string | undefined): string[] =>
    // A trailing dotted IPv4 part holds the last two groups; only the first four are used.
    part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : [];
  const left = groupsOf(head);
  const right = groupsOf(tail);
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}
