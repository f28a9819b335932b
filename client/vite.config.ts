import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Libraries grouped into chunks the browser can cache across releases. The Cypher editor is loaded
 * only when the investigations panel opens; its ANTLR grammar is one generated module (~680 kB
 * minified) that cannot be split, so it gets a chunk of its own instead of sharing CodeMirror's.
 */
const vendorChunks: [string, RegExp][] = [
  ['cypher-grammar', /node_modules\/(@neo4j-cypher\/antlr4|@neo4j-cypher\/antlr4-browser|antlr4|@babel\/runtime)\//],
  ['cypher-editor', /node_modules\/(@neo4j-cypher\/|@codemirror\/|@lezer\/|@marijn\/|style-mod|w3c-keyname|crelt|fuse\.js|lodash\.)/],
  // The fcose layout stays out: it is loaded lazily with the layout engine.
  ['cytoscape', /node_modules\/cytoscape\//],
  ['react', /node_modules\/(react|react-dom|scheduler)\//],
];

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
    // The largest chunk is the editor's generated Cypher grammar (~680 kB, one module, loaded only
    // with the investigations panel); everything else is well below this.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        manualChunks: (id) => vendorChunks.find(([, re]) => re.test(id))?.[0],
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
