import type { ResultDelivery } from '../../../contracts/dossiers';
import { TAB_PRIVATE_PREFIX } from '../../api/tab-private';

/**
 * What a citizen typed on a filing form, kept in the tab's sessionStorage on every change so that
 * a reload (or a dropped connection on a weak link) does not wipe it (issue 14 §3). Per account
 * and procedure: the next citizen on a shared counter PC never sees it; it goes with the tab, and
 * is removed once the dossier is filed or the citizen signs out. "Lưu nháp" keeps it on the server for another day or device.
 */
export interface TypedSoFar {
  values: Record<string, unknown>;
  delivery: ResultDelivery;
  address: string;
  /** The server draft this form saves to, and the version last read. */
  draft?: { id: string; version: number };
}

/** Under the tab-private prefix: removed at sign-out with the rest of the tab's personal data. */
const key = (accountId: string, procedureCode: string) => `${TAB_PRIVATE_PREFIX}filing.${accountId}.${procedureCode}`;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled (private mode, policy): the form simply starts empty after a reload
  }
}

export function readTyped(accountId: string, procedureCode: string): TypedSoFar | null {
  try {
    const raw = storage()?.getItem(key(accountId, procedureCode));
    const parsed = raw ? (JSON.parse(raw) as Partial<TypedSoFar>) : null;
    if (!parsed || typeof parsed.values !== 'object' || parsed.values === null) return null;
    return {
      values: parsed.values,
      delivery: parsed.delivery ?? 'online',
      address: typeof parsed.address === 'string' ? parsed.address : '',
      ...(parsed.draft && { draft: parsed.draft }),
    };
  } catch {
    return null;
  }
}

export function writeTyped(accountId: string, procedureCode: string, typed: TypedSoFar): void {
  try {
    storage()?.setItem(key(accountId, procedureCode), JSON.stringify(typed));
  } catch {
    // full or disabled: nothing is lost that the form does not still show
  }
}

export function clearTyped(accountId: string, procedureCode: string): void {
  try {
    storage()?.removeItem(key(accountId, procedureCode));
  } catch {
    // disabled storage: nothing to clear
  }
}
