import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { Providers } from './app/Providers';
import { preloadFirstPage, router } from './app/router';
import './app/styles.css';
import './app/styles-session.css';

const container = document.getElementById('root');
if (!container) throw new Error('missing #root in index.html');

preloadFirstPage(window.location.pathname);
const root = createRoot(container);
// The first render as a transition: React renders it in slices of a few milliseconds, giving the
// phone's main thread back in between, instead of one long task (Total Blocking Time, issue 14 §6).
startTransition(() => {
  root.render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
});
