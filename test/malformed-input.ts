/** Request bodies that once reached a 500, shared by the route fuzz test and the platform tests. */

const part = (boundary: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nabc\r\n`;
/** Longer than the parser can search for (its limit is 256 bytes with the leading CRLF and dashes; RFC 2046 allows 70). */
const LONG_BOUNDARY = 'b'.repeat(300);

/** Multipart bodies the parser cannot read: no boundary, garbage, cut short, an over-long boundary. */
export const MALFORMED_MULTIPART: Record<string, { contentType: string; body: string }> = {
  'no boundary': { contentType: 'multipart/form-data', body: `${part('x')}--x--\r\n` },
  garbage: { contentType: 'multipart/form-data; boundary=xyz', body: 'garbage\u0000\u00ff garbage garbage' },
  unterminated: { contentType: 'multipart/form-data; boundary=xyz', body: part('xyz') },
  'over-long boundary': {
    contentType: `multipart/form-data; boundary=${LONG_BOUNDARY}`,
    body: `${part(LONG_BOUNDARY)}--${LONG_BOUNDARY}--\r\n`,
  },
};

/** JSON nested `depth` levels deep inside the field `code`. */
export const deepJson = (depth: number): string => `{"code":${'['.repeat(depth)}${']'.repeat(depth)}}`;
