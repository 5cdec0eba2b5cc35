import tailwindcss from '@tailwindcss/vite';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Only the dev server reads this: in production the API serves the SPA from the same origin.
const apiUrl = process.env.API_URL ?? 'http://localhost:3000';
const proxied = { target: apiUrl, changeOrigin: false };

/**
 * main.tsx starts the session refresh and only then imports src/app.tsx (React, the router), so
 * that the request does not wait for the app's evaluation. index.html still preloads the app's
 * chunks, as it would for a static import: they download alongside main.tsx.
 */
function preloadApp(): Plugin {
  return {
    name: 'taskflow:preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).flatMap((out) =>
          out.type === 'chunk' ? [out] : [],
        );
        const app = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/src/app.tsx'));
        if (!app) throw new Error('preload-app: no chunk for src/app.tsx');
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const files = new Set<string>();
        const visit = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          for (const imported of byFile.get(file)?.imports ?? []) visit(imported);
        };
        visit(app.fileName);
        return [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

export default defineConfig({
  // The router plugin must run before the React plugin so route files are split first.
  plugins: [
    tanstackRouter({ target: 'react', autoCodeSplitting: true }),
    react(),
    tailwindcss(),
    preloadApp(),
  ],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': proxied, '/health': proxied, '/ready': proxied },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    // dist/.vite/manifest.json maps every chunk to its sources: the size budget reads it.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Recharts and what only it uses, in one chunk named `charts` wherever they are
            // imported from, so that check:bundle sees it if it ever joins the first load.
            {
              name: 'charts',
              // Not their dependencies too: those (React among them) belong to the first load.
              includeDependenciesRecursively: false,
              test: /[\\/]node_modules[\\/](recharts|victory-vendor|d3-[\w-]+|internmap|@reduxjs|react-redux|redux|redux-thunk|immer|reselect|decimal\.js-light|es-toolkit|eventemitter3|react-is|use-sync-external-store[\\/](with-selector|cjs[\\/]use-sync-external-store-with-selector))[\\/.]/,
            },
          ],
        },
      },
    },
  },
});
