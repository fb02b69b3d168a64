/**
 * The mailbox an address delivers to, as far as can be told without asking its provider: lower
 * case, and without a `+tag` sub-address (RFC 5233), which the large providers deliver to the
 * same mailbox. Other provider rules (Gmail ignoring dots) are not applied.
 * @example mailboxOf('Ivan+promo@SolidLab.ru') // 'ivan@solidlab.ru'
 */
export function mailboxOf(address: string): string {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const tag = local.indexOf('+');
  // A local part that starts with "+" has no name before the tag: it is kept whole.
  const name = tag > 0 ? local.slice(0, tag) : local;
  return `${name}${address.slice(at)}`.toLowerCase();
}
