/** An email address with an optional display name, as used in a From header. */
export interface Mailbox {
  address: string;
  name?: string;
}

// RFC 5321 dot-atom local part and a DNS domain with at least one dot. Deliberately ASCII only
// and without quoted local parts: such addresses need SMTPUTF8 or quoting that servers handle badly.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
// A top-level domain that can exist: two or more letters, or an internationalised one in punycode
// (`xn--p1ai`). This refuses bare IP addresses (`x@127.0.0.1`) and typos like `x@example.c`.
const TOP_LEVEL_LABEL = /^([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;
// C0 and C1 controls (CR and LF included), DEL, and the Unicode line and paragraph separators.
const CONTROL_CHARACTER = /[\p{Cc}\u2028\u2029]/u;

/**
 * True for a plain `local@domain.tld` address that is safe in an SMTP envelope and a header, with a
 * domain that can receive mail (DNS labels under a real-looking top-level domain, no IP address).
 */
export function isEmailAddress(value: string): boolean {
  if (value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at < 1) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  return (
    local.length <= 64 &&
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL_LABEL.test(labels[labels.length - 1])
  );
}

/** True when `value` holds a character that could end or fold a header line. */
export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

/**
 * Parses `address` or `Display Name <address>`; `undefined` when it is neither.
 * @example parseMailbox('SolidPoint <noreply@solidpoint.example>')
 */
export function parseMailbox(value: string): Mailbox | undefined {
  const named = /^([^<>]*?)\s*<([^<>]+)>$/.exec(value.trim());
  const address = named ? named[2] : value;
  const name = named?.[1].replace(/^"(.*)"$/, '$1');
  if (!isEmailAddress(address) || (name !== undefined && hasControlCharacter(name))) return undefined;
  return name ? { address, name } : { address };
}
