import type { CallRecord } from './score';

/**
 * Where finished calls are kept: the browser's IndexedDB, so that the results survive a reload and
 * stay on the agent's machine. A small promise wrapper (no library); the call screen and the results
 * page receive a ResultsStore, so tests hand them an in-memory one.
 */
export interface ResultsStore {
  add(record: CallRecord): Promise<void>;
  /** Every readable record, oldest first. */
  all(): Promise<CallRecord[]>;
  /** Deletes the records that are unreadable or from an older format; says how many it deleted. */
  discardUnreadable(): Promise<number>;
  clear(): Promise<void>;
}

/** The format of the records kept; a record of another format (an older app) is discarded. */
export const RECORD_FORMAT = 2;

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isDate = (v: unknown): boolean => isString(v) && !Number.isNaN(Date.parse(v));

function isStep(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    isString(s.key) &&
    ['question', 'diagnosis', 'guide', 'screen'].includes(s.kind as string) &&
    isString(s.label) &&
    (s.labelKind === 'text' || s.labelKind === 'phrase') &&
    isBoolean(s.ok) &&
    isBoolean(s.prompted) &&
    isString(s.response) &&
    isDate(s.at) &&
    isNumber(s.durationMs)
  );
}

/** A stored value that the results page, the CSV and the xAPI export can read without surprise. */
export function readableRecord(v: unknown): CallRecord | null {
  if (typeof v !== 'object' || v === null) return null;
  const { format, ...r } = v as Record<string, unknown>;
  if (format !== RECORD_FORMAT) return null;
  const ok =
    isString(r.id) &&
    isString(r.callId) &&
    isString(r.callTitle) &&
    isDate(r.startedAt) &&
    isDate(r.endedAt) &&
    isNumber(r.durationMs) &&
    isBoolean(r.resolved) &&
    isBoolean(r.diagnosisRight) &&
    (r.firstDiagnosis === null || isString(r.firstDiagnosis)) &&
    [r.wrongDiagnoses, r.uselessQuestions, r.refusedSubmissions, r.prompts, r.score].every(isNumber) &&
    isBoolean(r.passed) &&
    Array.isArray(r.steps) &&
    r.steps.every(isStep);
  return ok ? (r as unknown as CallRecord) : null;
}

const stored = (record: CallRecord) => ({ ...structuredClone(record), format: RECORD_FORMAT });

export const RESULTS_DB = 'mes-appels-3422';
const STORE = 'calls';
const VERSION = 1;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

const byEnd = (a: CallRecord, b: CallRecord) => a.endedAt.localeCompare(b.endedAt) || a.id.localeCompare(b.id);

/** The records in IndexedDB; the database is opened on first use and kept open. */
export function indexedDbResults(factory: IDBFactory = indexedDB, name: string = RESULTS_DB): ResultsStore {
  let opening: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(name, VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' });
      };
      req.onsuccess = () => {
        const db = req.result;
        // Another tab upgrading the schema: let it, and reopen next time.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      req.onerror = () => {
        opening = null;
        reject(req.error ?? new Error('IndexedDB unavailable'));
      };
      req.onblocked = () => reject(new Error('IndexedDB blocked by another tab'));
    });
    return opening;
  };
  return {
    async add(record) {
      const db = await open();
      const tx = db.transaction(STORE, 'readwrite');
      // structuredClone drops anything IndexedDB could not store (lit proxies, functions) early and loudly.
      tx.objectStore(STORE).put(stored(record));
      await done(tx);
    },
    async all() {
      const db = await open();
      const tx = db.transaction(STORE, 'readonly');
      const values = await request(tx.objectStore(STORE).getAll() as IDBRequest<unknown[]>);
      return values.map(readableRecord).filter((r): r is CallRecord => r !== null).sort(byEnd);
    },
    async discardUnreadable() {
      const db = await open();
      const tx = db.transaction(STORE, 'readwrite');
      const objects = tx.objectStore(STORE);
      const [keys, values] = await Promise.all([request(objects.getAllKeys()), request(objects.getAll() as IDBRequest<unknown[]>)]);
      let discarded = 0;
      values.forEach((value, i) => {
        const key = keys[i];
        if (readableRecord(value) === null && key !== undefined) {
          objects.delete(key);
          discarded += 1;
        }
      });
      await done(tx);
      return discarded;
    },
    async clear() {
      const db = await open();
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).clear();
      await done(tx);
    },
  };
}

/** The same contract in memory: for tests, and where IndexedDB is refused (some private modes). */
export function memoryResults(initial: readonly CallRecord[] = []): ResultsStore {
  let records: unknown[] = initial.map(stored);
  return {
    async add(record) {
      records = [...records.filter((r) => readableRecord(r)?.id !== record.id), stored(record)];
    },
    async all() {
      return records.map(readableRecord).filter((r): r is CallRecord => r !== null).sort(byEnd);
    },
    async discardUnreadable() {
      const before = records.length;
      records = records.filter((r) => readableRecord(r) !== null);
      return before - records.length;
    },
    async clear() {
      records = [];
    },
  };
}
