import { spawn, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';

/** Serves the built app (`dist/`, built by `npm test` beforehand) with `vite preview` on loopback. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
let server: ChildProcess | null = null;

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const base = `http://localhost:${PORT}`;
  // E2E_DIST serves another build folder than dist/ (several builds side by side).
  const outDir = process.env.E2E_DIST ? ['--outDir', process.env.E2E_DIST] : [];
  server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1', ...outDir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  await waitForServer(`http://127.0.0.1:${PORT}/`, 30_000);
  project.provide('baseUrl', base.replace('localhost', '127.0.0.1'));
  return async () => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
