/**
 * The purpose an officer chose last for opening a record, kept per browser tab
 * (sessionStorage). It is only a hint: the purpose dialog never pre-selects it.
 */
const KEY = 'dvc06.lastPurpose';

export function lastPurpose(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberPurpose(code: string): void {
  try {
    window.sessionStorage.setItem(KEY, code);
  } catch {
    // storage blocked: no hint next time
  }
}

export function forgetPurpose(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}
