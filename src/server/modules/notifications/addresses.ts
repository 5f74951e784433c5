/*
 * Contact addresses (pure): what the channels accept. A malformed address never blocks anything:
 * the channel is skipped and the outbox says why.
 */

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** A deliverable-looking e-mail address (no display name, no spaces, a dotted domain), ≤ 254 characters. */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/**
 * A Vietnamese mobile number in the form an SMS gateway takes (84xxxxxxxxx), from 0xxxxxxxxx,
 * +84xxxxxxxxx or 84xxxxxxxxx with spaces, dots or dashes; undefined when it is not one (mobile
 * prefixes 3, 5, 7, 8, 9 followed by 8 digits).
 */
export function normalizeMobile(value: string): string | undefined {
  const digits = value.replace(/[\s.-]/g, '');
  const m = /^(?:\+?84|0)([35789]\d{8})$/.exec(digits);
  return m ? `84${m[1]}` : undefined;
}

/** An address as an administrator sees it on the outbox: enough to tell messages apart, not the address. */
export function maskAddress(value: string | null): string | null {
  if (!value) return null;
  const at = value.indexOf('@');
  if (at > 0) return `${value.slice(0, 1)}***${value.slice(at)}`;
  return value.length > 4 ? `***${value.slice(-3)}` : '***';
}
