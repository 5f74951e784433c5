import { describe, expect, it } from 'vitest';
import { withChanges } from './search-params';

describe('the query string of a list after a filter change', () => {
  it('sets and removes filters and goes back to page 1, unless the page itself changes', () => {
    const now = new URLSearchParams('state=paid&page=3&q=abc');
    expect(withChanges(now, { state: 'failed', q: undefined }).toString()).toBe('state=failed');
    expect(withChanges(now, { page: '4' }).toString()).toBe('state=paid&page=4&q=abc');
    expect(now.toString()).toBe('state=paid&page=3&q=abc');
  });
});
