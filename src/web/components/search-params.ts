/**
 * The query string of a list page after a change of its filters: a value sets its key, an empty
 * one removes it, and any change but of the page itself goes back to page 1 (drops `page`).
 */
export function withChanges(params: URLSearchParams, changes: Record<string, string | undefined>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  if (!('page' in changes)) next.delete('page');
  return next;
}
