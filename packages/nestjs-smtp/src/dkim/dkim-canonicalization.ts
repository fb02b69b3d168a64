// DKIM's "relaxed" canonicalisation (RFC 6376 §3.4.2 and §3.4.4), over a message whose line breaks
// are CRLF throughout, as `composeMessage` writes it.

/** One header field as it is in the message: its name and its whole text (folded lines included). */
export interface HeaderField {
  name: string;
  text: string;
}

/** Splits a header block (without the blank line that ends it) into fields, keeping each folded field whole. */
export function headerFields(block: string): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const line of block.split('\r\n')) {
    const last = fields.at(-1);
    if (last && (line.startsWith(' ') || line.startsWith('\t'))) last.text += `\r\n${line}`;
    else fields.push({ name: line.slice(0, line.indexOf(':')), text: line });
  }
  return fields;
}

/** A header field, relaxed: name in lower case, unfolded, runs of white space as one space, none around the colon or at the end. */
export function relaxedHeader(text: string): string {
  const colon = text.indexOf(':');
  const name = text.slice(0, colon).trimEnd().toLowerCase();
  const value = text
    .slice(colon + 1)
    .replace(/\r\n(?=[ \t])/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return `${name}:${value}`;
}

/** The body, relaxed: white space runs as one space, none at the end of a line, no empty lines at the end. */
export function relaxedBody(body: string): string {
  const lines = body.split('\r\n').map((line) => line.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}
