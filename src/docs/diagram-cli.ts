import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMachine, renderSvg } from './diagram';
import { documentedMachines } from './machines';

/** `npm run diagram`: writes docs/<machine>.svg from the machines' definitions. */
const out = process.argv[2] ?? 'docs';
mkdirSync(out, { recursive: true });
for (const { file, title, machine } of documentedMachines()) {
  const path = join(out, file);
  writeFileSync(path, renderSvg(describeMachine(machine), title));
  console.log(`wrote ${path}`);
}
