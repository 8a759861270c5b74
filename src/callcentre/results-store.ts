import type { CallRecord } from './score';

/**
 * Where finished calls are kept: the browser's IndexedDB, so that the results survive a reload and
 * stay on the agent's machine. A small promise wrapper (no library); the call screen and the results
 * page receive a ResultsStore, so tests hand them an in-memory one.
 */
export interface ResultsStore {
  add(record: CallRecord): Promise<void>;
  /** Every record, oldest first. */
  all(): Promise<CallRecord[]>;
  clear(): Promise<void>;
}

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
      tx.objectStore(STORE).put(structuredClone(record));
      await done(tx);
    },
    async all() {
      const db = await open();
      const tx = db.transaction(STORE, 'readonly');
      const records = await request(tx.objectStore(STORE).getAll() as IDBRequest<CallRecord[]>);
      return records.sort(byEnd);
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
  let records = initial.map((r) => structuredClone(r));
  return {
    async add(record) {
      records = [...records.filter((r) => r.id !== record.id), structuredClone(record)];
    },
    async all() {
      return records.map((r) => structuredClone(r)).sort(byEnd);
    },
    async clear() {
      records = [];
    },
  };
}
