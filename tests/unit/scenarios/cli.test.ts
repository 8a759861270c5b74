import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../../scripts/scenarios-cli';

/** `npm run scenarios:check [files…]`: its lines and exit codes. */

const GOOD = 'tests/fixtures/scenarios/good/minimal.yaml';
const BAD = 'tests/fixtures/scenarios/bad/hotspot-typo.yaml';
const TYPO = `${BAD}:30:15  tutorial.steps[0].target  zone « activer-space » absente de l'écran home ; vouliez-vous dire « activate-space » ?`;

function run(...args: string[]) {
  const res = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/scenarios-check.ts', ...args], { encoding: 'utf8' });
  return { status: res.status, out: res.stdout.trim().split('\n').filter(Boolean), err: res.stderr.trim() };
}

function capture(args: string[], root?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const status = checkCommand(args, root, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { status, out, err };
}

describe('the command', { timeout: 180_000 }, () => {
  it('exits 0 with a one-line French summary when every file passes', () => {
    const { status, out } = run(GOOD);
    expect(status).toBe(0);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^1 scénario vérifié : aucune erreur \(\d+ ms\)\.$/);
  });

  it('exits 1 with one line per error', () => {
    const { status, out, err } = run(GOOD, BAD);
    expect(status).toBe(1);
    expect(out).toEqual([TYPO]);
    expect(err).toBe('1 erreur(s) dans 2 scénarios vérifiés.');
  });

  it('exits 1 for a file it cannot read', () => {
    const { status, out } = run('tests/fixtures/scenarios/absent.yaml');
    expect(status).toBe(1);
    expect(out).toEqual(['tests/fixtures/scenarios/absent.yaml:1:1  (racine)  fichier illisible : ENOENT']);
  });
});

describe('without arguments', () => {
  // A project of its own: the real sources and locales, and a scenarios/ folder with a subfolder.
  const root = mkdtempSync(join(tmpdir(), 'scenarios-check-'));
  for (const dir of ['src', 'locales']) symlinkSync(resolve(dir), join(root, dir));
  mkdirSync(join(root, 'scenarios', 'sous-dossier'), { recursive: true });
  writeFileSync(join(root, 'scenarios', 'bon.yaml'), readFileSync(GOOD, 'utf8'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('checks every scenarios/**/*.yaml', () => {
    writeFileSync(join(root, 'scenarios', 'sous-dossier', 'faute.yaml'), readFileSync(BAD, 'utf8').replace('id: fixture', 'id: fixture-2'));
    const { status, out, err } = capture([], root);
    expect(status).toBe(1);
    expect(out).toEqual([TYPO.replace(BAD, 'scenarios/sous-dossier/faute.yaml')]);
    expect(err).toEqual(['1 erreur(s) dans 2 scénarios vérifiés.']);
  });

  it('exits 0 once the fault is fixed', () => {
    writeFileSync(join(root, 'scenarios', 'sous-dossier', 'faute.yaml'), readFileSync(GOOD, 'utf8').replace('id: fixture', 'id: fixture-2'));
    const { status, out, err } = capture([], root);
    expect(err).toEqual([]);
    expect(status).toBe(0);
    expect(out[0]).toMatch(/^2 scénarios vérifiés : aucune erreur/);
  });
});
