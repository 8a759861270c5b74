import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../../src/domain/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('src/domain stays pure', () => {
  it('has modules to check', () => {
    expect(files).toContain('index.ts');
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s uses no DOM, no network, no storage, and imports only types from outside', (file) => {
    const code = readFileSync(dir + file, 'utf8');
    expect(code).not.toMatch(/\bfetch\s*\(|\bdocument\.|\bwindow\.|\blocalStorage\b|\bsessionStorage\b|\bXMLHttpRequest\b/);
    for (const m of code.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gm)) {
      const [, typeOnly, source] = m;
      if (!source?.startsWith('./')) expect(typeOnly, `${file} imports ${source}`).toBeTruthy();
    }
  });

  it('index re-exports every module', () => {
    const index = readFileSync(dir + 'index.ts', 'utf8');
    for (const f of files.filter((f) => f !== 'index.ts')) {
      expect(index).toContain(`export * from './${f.replace(/\.ts$/, '')}';`);
    }
  });
});
