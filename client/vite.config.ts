import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The analyst's client: built into dist/client, which the API server serves. */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        manualChunks: (id) => (id.includes('node_modules/cytoscape/') ? 'cytoscape' : id.includes('node_modules/react') || id.includes('node_modules/scheduler') ? 'react' : undefined),
      },
    },
  },
  worker: { format: 'es' },
  server: {
    // Development: the API runs on its own port; the browser talks to Vite, which forwards.
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
    fs: { allow: ['..'] },
  },
});
