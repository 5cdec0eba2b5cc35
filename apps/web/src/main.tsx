import { installAuthMiddleware, routerAuth } from './features/auth/session/auth-setup.ts';
import { applyTheme, storedChoice } from './lib/theme.ts';
import './styles.css';

// Applied before the first render (the CSP forbids an inline script in index.html).
applyTheme(storedChoice());

installAuthMiddleware();
// The silent refresh starts now, while the rest of the app (React, the router: index.html
// preloads them) is still arriving and being evaluated; protected routes await it and show its
// failure, so here it needs no handler of its own. This module stays small so that it runs first.
routerAuth.ensureLoaded().catch(() => undefined);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

void import('./app.tsx').then(({ renderApp }) => renderApp(container));
