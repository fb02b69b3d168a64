// In a `u` regular expression a surrogate pair is one code point, so this finds lone halves only.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The path (`firstName`, `tags[2]`, `address.city`) of the first string in a parsed JSON body,
 * property names included, that is not well-formed UTF-16: one with a lone surrogate, as
 * `"\ud83d"` in JSON gives. Such a string cannot be written as UTF-8 (PostgreSQL's `jsonb` refuses
 * it, encoders replace it), so no field may carry one. `undefined` when every string is well formed.
 * The body's depth is bounded before parsing, so the recursion is too.
 */
export function findIllFormedText(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path || 'the body' : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findIllFormedText(item, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      // A property name is written as JSON escapes when it is itself the ill-formed string.
      const name = LONE_SURROGATE.test(key) ? JSON.stringify(key) : key;
      const itemPath = path ? `${path}.${name}` : name;
      if (name !== key) return itemPath;
      const found = findIllFormedText(item, itemPath);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
