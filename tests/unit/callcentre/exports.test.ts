import { describe, expect, it, beforeAll } from 'vitest';
import { CSV_BOM, csvField, recordsToCsv } from '../../../src/callcentre/csv';
import type { CallRecord } from '../../../src/callcentre/score';
import { situationStats } from '../../../src/callcentre/stats';
import { VERBS, isoDuration, recordsToStatements, stepActivityId } from '../../../src/callcentre/xapi';
import { validateStatement, validateStatements } from '../../../src/callcentre/xapi-validate';
import { playedRecords, useServer } from './harness';

/** The exports, over records of calls really played by the machine against the simulated service. */
useServer();

let records: CallRecord[] = [];
beforeAll(async () => {
  records = await playedRecords();
}, 30_000);

/** An RFC 4180 reader, written here so that the test does not trust the writer it checks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

describe('CSV', () => {
  it('quotes only what RFC 4180 asks, doubling quotes', () => {
    expect(csvField('simple')).toBe('simple');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('il dit « non » et "oui"')).toBe('"il dit « non » et ""oui"""');
    expect(csvField('deux\r\nlignes')).toBe('"deux\r\nlignes"');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('starts with a UTF-8 BOM, one header and one line per call, CRLF, same width', () => {
    const csv = recordsToCsv(records, 'Agent, « test »');
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(records.length + 1);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    const header = rows[0]!;
    expect(header).toContain('Situation');
    const col = (name: string) => header.indexOf(name);
    const first = rows[1]!;
    expect(first[col('Agent')]).toBe('Agent, « test »');
    expect(first[col('Situation')]).toBe(records[0]!.callTitle);
    expect(first[col('Résolu')]).toBe('oui');
    expect(rows[2]![col('Résolu')]).toBe('non');
    expect(rows[2]![col('Diagnostic juste du premier coup')]).toBe('non');
    expect(rows[2]![col('Durée (secondes)')]).toBe('65');
    const wrongDiagnosis = records[1]!.steps.find((s) => s.kind === 'diagnosis' && !s.ok)!;
    expect(rows[2]![col('Étapes en erreur')]).toContain(wrongDiagnosis.label);
    expect(rows[1]![col('Étapes en erreur')]).toBe('');
  });
});

describe('xAPI', () => {
  const opts = () => {
    let n = 0;
    return { agentName: 'Camille Agent', origin: 'https://formation.example.fr/', uuid: () => `6f1c2a3b-1d2e-4f5a-8b6c-${String(++n).padStart(12, '0')}` };
  };

  it('writes ISO 8601 durations', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(65_250)).toBe('PT1M5.25S');
    expect(isoDuration(3_600_000)).toBe('PT1H');
    expect(isoDuration(3_723_400)).toBe('PT1H2M3.4S');
  });

  it('one statement per step and one per call, every one valid against xAPI 1.0.3', () => {
    const statements = recordsToStatements(records, opts());
    const steps = records.reduce((n, r) => n + r.steps.length, 0);
    expect(statements).toHaveLength(steps + records.length);
    expect(validateStatements(statements)).toEqual([]);
  });

  it('ties each step to its call: same registration, the call as parent, verbs by kind', () => {
    const statements = recordsToStatements(records, opts()) as Array<Record<string, any>>;
    const record = records[0]!;
    const own = statements.filter((s) => s.context.registration === record.id);
    expect(own).toHaveLength(record.steps.length + 1);
    const call = own[own.length - 1]!;
    expect(call.verb.id).toBe(record.passed ? VERBS.passed.id : VERBS.failed.id);
    expect(call.object.id).toBe('https://formation.example.fr/xapi/appels/appel-type-de-carte');
    expect(call.result).toMatchObject({ success: record.passed, completion: true, score: { scaled: record.score / 100, raw: record.score, min: 0, max: 100 } });
    for (const s of own.slice(0, -1)) {
      expect(s.context.contextActivities.parent[0].id).toBe(call.object.id);
      expect(s.actor).toEqual({ objectType: 'Agent', name: 'Camille Agent', account: { homePage: 'https://formation.example.fr', name: 'Camille Agent' } });
    }
    const diagnosis = own.find((s) => s.object.id === stepActivityId('https://formation.example.fr', record.callId, `diagnosis:${record.firstDiagnosis}`));
    expect(diagnosis?.verb.id).toBe(VERBS.answered.id);
    expect(own.some((s) => s.verb.id === VERBS.completed.id)).toBe(true);
    const failedCall = statements.find((s) => s.context.registration === records[1]!.id && s.verb.id !== VERBS.answered.id && !s.context.contextActivities);
    expect(failedCall?.verb.id).toBe(VERBS.failed.id);
  });

  it('the validator refuses what an LRS must refuse', () => {
    const [good] = recordsToStatements(records, opts()) as Array<Record<string, any>>;
    const bad = (change: (s: Record<string, any>) => void) => {
      const s = structuredClone(good!);
      change(s);
      return validateStatement(s).map((i) => i.path);
    };
    expect(validateStatement(good)).toEqual([]);
    expect(bad((s) => delete s.actor)).toContain('statement.actor');
    expect(bad((s) => (s.id = 'not-a-uuid'))).toContain('statement.id');
    expect(bad((s) => (s.actor.mbox = 'mailto:a@example.fr'))).toContain('statement.actor');
    expect(bad((s) => delete s.actor.account.homePage)).toContain('statement.actor.account.homePage');
    expect(bad((s) => (s.verb.id = 'answered'))).toContain('statement.verb.id');
    expect(bad((s) => (s.result.score.scaled = 1.5))).toContain('statement.result.score.scaled');
    expect(bad((s) => (s.result.duration = '12 s'))).toContain('statement.result.duration');
    expect(bad((s) => (s.result.success = 'yes'))).toContain('statement.result.success');
    expect(bad((s) => (s.timestamp = '26/11/2026'))).toContain('statement.timestamp');
    expect(bad((s) => (s.context.registration = '123'))).toContain('statement.context.registration');
    expect(bad((s) => (s.context.language = 'français'))).toContain('statement.context.language');
    expect(bad((s) => (s.object.definition.name = { 'pas une langue!': 'x' }))).toContain('statement.object.definition.name.pas une langue!');
    expect(bad((s) => (s.extra = true))).toContain('statement.extra');
    expect(bad((s) => (s.result.extensions = { souffle: true }))).toContain('statement.result.extensions.souffle');
    expect(bad((s) => (s.result.score = { raw: 120, min: 0, max: 100 }))).toContain('statement.result.score.raw');
    expect(validateStatement('nope')).toHaveLength(1);
  });
});

describe('statistics per situation', () => {
  it('scores over time, oldest first, and the steps most often got wrong', () => {
    const stats = situationStats(records);
    expect(stats.map((s) => s.callId).sort()).toEqual(['appel-opposition-justificatif', 'appel-type-de-carte']);
    for (const s of stats) {
      expect(s.points).toHaveLength(2);
      expect(s.points.map((p) => p.endedAt)).toEqual([...s.points.map((p) => p.endedAt)].sort());
      expect(s.wrong.map((w) => w.key)).toContain('unresolved');
      expect(s.wrong.some((w) => w.key.startsWith('diagnosis:'))).toBe(true);
    }
  });

  it('counts a step once per call, and sorts by how often it went wrong', () => {
    const r = records[1]!;
    const twice = [r, { ...r, id: 'other', endedAt: '2099-01-01T00:00:00.000Z', steps: r.steps.filter((s) => s.kind !== 'diagnosis') }];
    const [s] = situationStats(twice);
    expect(s!.wrong[0]).toMatchObject({ key: 'unresolved', calls: 2 });
    expect(s!.wrong.find((w) => w.key.startsWith('diagnosis:'))?.calls).toBe(1);
  });
});
