import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  root: ".",
  // "hidden": maps are written (for operators) without the comment that points browsers at them;
  // the server serves them only with PLENARY_PUBLIC_SOURCE_MAPS=true.
  build: { outDir: "dist/web", emptyOutDir: true, sourcemap: "hidden" },
  server: { proxy: { "/api": "http://localhost:3000", "/healthz": "http://localhost:3000" } },
});
