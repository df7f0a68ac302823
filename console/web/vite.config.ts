import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The console's backend serves the build from the jar (META-INF/resources) and forwards /api, /auth and /events;
// in development `npm run dev` proxies those to a console backend running on 8080.
const backend = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../target/classes/META-INF/resources',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': backend,
      '/auth': backend,
      '/events': backend,
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
