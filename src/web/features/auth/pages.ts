import { lazyPage } from '../../components/lazy-page';

/**
 * The pages of the sign-in feature, for the router: each is loaded (a chunk of its own) when its
 * route first opens. The router imports this file rather than index.ts so that the main chunk
 * does not carry what index.ts gives other features (forms, cards) before a page needs it.
 */
export const LoginPage = lazyPage(() => import('./LoginPage'));
