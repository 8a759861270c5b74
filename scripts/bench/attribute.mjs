#!/usr/bin/env node
/**
 * Where the bytes of built chunks come from: `node scripts/bench/attribute.mjs <chunk name>…` (after
 * `npm run build`; a chunk name is its file name before the hash, `call-centre` for
 * dist/assets/call-centre-….js). For each chunk, the gzip share of each source file, from its source map
 * (the chunk's gzip ratio applied to the characters mapped to that source). What no source maps to (a
 * virtual module's JSON, say) is not listed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';
for (const prefix of process.argv.slice(2)) {
  const f = readdirSync('dist/assets').find((x) => x.startsWith(prefix + '-') && x.endsWith('.js'));
  if (!f) throw new Error(`no chunk ${prefix} in dist/assets`);
  const code = readFileSync(`dist/assets/${f}`, 'utf8');
  const map = JSON.parse(readFileSync(`dist/assets/${f}.map`, 'utf8'));
  const ratio = gzipSync(code, { level: 9 }).length / code.length;
  const lines = code.split('\n'); const per = {};
  decode(map.mappings).forEach((segs, li) => { const line = lines[li] ?? ''; for (let i = 0; i < segs.length; i++) { const s = segs[i]; if (s.length < 2) continue; const end = i + 1 < segs.length ? segs[i + 1][0] : line.length; const src = map.sources[s[1]].replace(/^(\.\.\/)+/, ''); per[src] = (per[src] ?? 0) + (end - s[0]); } });
  console.log('==', f);
  Object.entries(per).sort((a, b) => b[1] - a[1]).forEach(([k, v]) => console.log((v * ratio / 1024).toFixed(2).padStart(6), k));
}
