// The checker's budget: 100 scenarios of the size of scenarios/pas-a-pas.yaml (each with its own id),
// checked by `checkScenarioSources` as `npm run scenarios:check` does. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { checkScenarioSources } from '../../src/scenarios/check';
import { nodeCheckEnvironment } from '../scenarios-env';

const env = nodeCheckEnvironment();
const text = readFileSync('scenarios/pas-a-pas.yaml', 'utf8');
const sources = Array.from({ length: 100 }, (_, i) => ({ file: `s${i}.yaml`, text: text.replace('id: pas-a-pas', `id: pas-a-pas-${i}`) }));
const started = performance.now();
const cpu = process.cpuUsage();
const results = checkScenarioSources(sources, env);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
const issues = results.reduce((n, r) => n + r.issues.length, 0);
console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, lines: text.split('\n').length, issues }));
