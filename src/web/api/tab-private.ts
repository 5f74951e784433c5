/**
 * Personal data a page keeps in the tab (sessionStorage) lives under this prefix — e.g. a filing
 * form typed but not yet filed — and is removed at sign-out, so that a shared device (a counter
 * PC, a family phone) keeps nothing of it for the next person.
 */
export const TAB_PRIVATE_PREFIX = 'dvc06.private.';

/** Removes every entry under TAB_PRIVATE_PREFIX from the tab's sessionStorage. */
export function forgetTabPrivateData(): void {
  try {
    const store = window.sessionStorage;
    const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
      (k): k is string => k !== null && k.startsWith(TAB_PRIVATE_PREFIX),
    );
    for (const k of keys) store.removeItem(k);
  } catch {
    // storage disabled: nothing was kept
  }
}
