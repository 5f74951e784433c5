import { lazy, type ComponentType } from 'react';

/** A page loaded when its route first opens, which can also be asked for ahead (`preload`). */
export type LazyPage<T extends ComponentType> = ReturnType<typeof lazy<T>> & { preload: () => Promise<unknown> };

/**
 * `React.lazy` with the loader kept as `preload`: the router asks for the first page's chunk at
 * start, while GET /auth/me is on its way, instead of after it (app/router.tsx preloadFirstPage).
 */
export function lazyPage<T extends ComponentType>(load: () => Promise<{ default: T }>): LazyPage<T> {
  return Object.assign(lazy(load), { preload: load });
}
