import { defineConfig } from 'vite';

// One Vite project, five pages. The ASP.NET server serves the built files under /app/.
const pages = ['index', 'screen', 'viewer', 'operator', 'admin'] as const;

export default defineConfig({
  base: '/app/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // Relative to the project root (this folder).
      input: Object.fromEntries(pages.map((page) => [page, `${page}.html`])),
    },
  },
});
