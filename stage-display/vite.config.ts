import { defineConfig } from 'vite';

// One Vite project, seven pages. The ASP.NET server serves the built files under /app/.
const pages = ['index', 'screen', 'viewer', 'operator', 'moderate', 'control', 'admin'] as const;

// The wall's service worker keeps a fixed name (/app/screen-sw.js): a registration names its URL,
// and the server gives that file the header that lets it control /screen/.
const WALL_WORKER = 'screen-sw';

export default defineConfig({
  base: '/app/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // Relative to the project root (this folder).
      input: {
        ...Object.fromEntries(pages.map((page) => [page, `${page}.html`])),
        [WALL_WORKER]: 'src/pages/screen/offline/screenWorker.ts',
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === WALL_WORKER ? `${WALL_WORKER}.js` : 'assets/[name]-[hash].js'),
      },
    },
  },
});
