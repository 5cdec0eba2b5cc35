import tailwindcss from '@tailwindcss/vite';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Only the dev server reads this: in production the API serves the SPA from the same origin.
const apiUrl = process.env.API_URL ?? 'http://localhost:3000';
const proxied = { target: apiUrl, changeOrigin: false };

export default defineConfig({
  // The router plugin must run before the React plugin so route files are split first.
  plugins: [tanstackRouter({ target: 'react', autoCodeSplitting: true }), react(), tailwindcss()],
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
