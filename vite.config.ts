import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: served from app:// in Electron and from 127.0.0.1 in the browser tests.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'chrome140',
    chunkSizeWarningLimit: 2000,
  },
});
