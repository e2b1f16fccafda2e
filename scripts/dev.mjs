// `npm run dev`: the API under tsx watch on :3000 and Vite's dev server (hot reload) on :5173,
// which proxies /api and /dev to it.
import { spawn } from "node:child_process";

const procs = [
  spawn("npx", ["tsx", "watch", "src/cli/run.ts", "serve"], { stdio: "inherit", env: { ...process.env, PLENARY_URL: process.env.PLENARY_URL ?? "http://localhost:5173" } }),
  spawn("npx", ["vite"], { stdio: "inherit" }),
];
const stop = () => procs.forEach((p) => p.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
