import { describe, expect, it } from 'vitest';
import { buildRatingLink, RATING_LINK_DAYS } from './index';
import { ratingLinkToken, readRatingLinkToken } from './rating-link';

/* The rating link's token (ADR 0033): names the dossier and an expiry, signed; anything else is refused. */
const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const ID = '0b7d3c1e-5f2a-4c8b-9e61-2d4f8a7b6c5d';
const NOW = new Date('2026-12-07T03:00:00Z');

describe('rating link tokens', () => {
  it('read back the dossier they name until they expire', () => {
    const token = ratingLinkToken(SECRET, ID, NOW);
    expect(token).toMatch(/^[\w-]{48}$/);
    const read = readRatingLinkToken(SECRET, token, NOW);
    expect(read).toEqual({
      ok: true,
      dossierId: ID,
      expiresAt: new Date(NOW.getTime() + RATING_LINK_DAYS * 86_400_000),
    });
    const lastDay = new Date(NOW.getTime() + RATING_LINK_DAYS * 86_400_000 - 1000);
    expect(readRatingLinkToken(SECRET, token, lastDay).ok).toBe(true);
    expect(readRatingLinkToken(SECRET, token, new Date(NOW.getTime() + RATING_LINK_DAYS * 86_400_000))).toEqual({
      ok: false,
      expired: true,
    });
  });

  it.each([
    ['another key', ratingLinkToken('another-secret-of-thirty-two-characters', ID, NOW)],
    ['a changed dossier id', `B${ratingLinkToken(SECRET, ID, NOW).slice(1)}`],
    ['a cut token', ratingLinkToken(SECRET, ID, NOW).slice(0, 40)],
    ['an old dotted token', `${ratingLinkToken(SECRET, ID, NOW).slice(0, 27)}.${'A'.repeat(20)}`],
    ['garbage', '../../etc/passwd'],
    ['empty', ''],
  ])('refuse %s as not valid (not as expired)', (_name, token) => {
    expect(readRatingLinkToken(SECRET, token, NOW)).toEqual({ ok: false, expired: false });
  });

  it('build the address of the web page, and need a secret and a dossier id', () => {
    expect(buildRatingLink({ PUBLIC_URL: 'https://dvc.example.vn/', SESSION_SECRET: SECRET }, ID, NOW)).toBe(
      `https://dvc.example.vn/danh-gia/${ratingLinkToken(SECRET, ID, NOW)}`,
    );
    expect(() => buildRatingLink({ PUBLIC_URL: 'https://dvc.example.vn' }, ID)).toThrow(/SESSION_SECRET/);
    expect(() => ratingLinkToken(SECRET, 'DOSSIER-1')).toThrow();
  });
});
