import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './client';

/** State of one API read: the data, the error, and whether it is loading. */
export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/** Normalises anything thrown by a request into an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(
    0,
    'CLIENT',
    'Đã có lỗi trong ứng dụng. Vui lòng tải lại trang.',
    'Something went wrong in the app. Please reload the page.',
  );
}

/**
 * Runs `load` when `deps` change (and on `reload()`), aborting the previous request.
 * `load` may be null to skip loading (e.g. nothing selected yet).
 */
export function useApi<T>(load: ((signal: AbortSignal) => Promise<T>) | null, deps: readonly unknown[]): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(load !== null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const fn = loadRef.current;
    if (!fn) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    // What the answer brings renders as a transition: in slices of a few milliseconds, so a long list
    // does not block a phone's main thread in one task (issue 14 §6).
    fn(controller.signal)
      .then((result) => {
        if (!controller.signal.aborted)
          startTransition(() => {
            setData(result);
            setLoading(false);
          });
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted)
          startTransition(() => {
            setData(undefined);
            setError(toApiError(e));
            setLoading(false);
          });
      });
    return () => controller.abort();
    // `load` is read through a ref: the caller lists what it depends on in `deps`.
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const set = useCallback((next: T) => {
    setData(next);
    setError(undefined);
  }, []);
  return { data, error, loading, reload, setData: set };
}
