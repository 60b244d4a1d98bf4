// Autosave of the open project in IndexedDB, so a reload (or a crash) never loses the user's work.
// One database, one object store, one record under the key "current".
import type { ProjectData } from './project';

const DB_NAME = 'civic-ties';
const STORE = 'projects';
const KEY = 'current';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('This browser has no IndexedDB; the project cannot be saved between visits.'));
      return;
    }
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened.'));
  });
}

// One connection kept open for the page's life, so a save can start its transaction synchronously
// (from a pagehide handler, before the page goes away) instead of waiting for open() again.
let db: IDBDatabase | null = null;
let opening: Promise<IDBDatabase> | null = null;

function connection(): Promise<IDBDatabase> {
  if (db) return Promise.resolve(db);
  opening ??= open().then((d) => {
    db = d;
    d.onversionchange = () => {
      d.close();
      db = null;
      opening = null;
    };
    return d;
  });
  return opening;
}

function request<T>(
  d: IDBDatabase,
  mode: IDBTransactionMode,
  fn: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const tx = d.transaction(STORE, mode);
    const req = fn(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed.'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted.'));
  });
}

async function withStore<T>(
  mode: IDBTransactionMode,
  fn: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  // Synchronous start when the connection is already open (see above).
  if (db) return request(db, mode, fn);
  return request(await connection(), mode, fn);
}

export async function loadSavedProject(): Promise<ProjectData | null> {
  try {
    const value = await withStore<unknown>('readonly', (store) => store.get(KEY));
    if (!value || typeof value !== 'object') return null;
    const project = value as ProjectData;
    if (!project.current || !Array.isArray(project.current.surveys)) return null;
    return project;
  } catch {
    return null;
  }
}

export async function saveProject(project: ProjectData): Promise<void> {
  await withStore('readwrite', (store) => store.put(project, KEY));
}

export async function clearSavedProject(): Promise<void> {
  await withStore('readwrite', (store) => store.delete(KEY));
}
