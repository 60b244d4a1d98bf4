// Autosave of the open project in IndexedDB, so a reload (or a crash) never loses the user's work.
// One database, one object store, one record under the key "current".
import type { ProjectData } from './project';
import { carryFiles, receiveFiles } from '../worker/blob-files';

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
    const saved = value as ProjectData;
    if (!saved.current || !Array.isArray(saved.current.surveys)) return null;
    // Files are saved as Blobs (saveProject); a project saved before that holds bytes, kept as they are.
    return {
      ...saved,
      current: await receiveFiles(saved.current),
      baseline: saved.baseline ? await receiveFiles(saved.baseline) : saved.baseline,
    };
  } catch {
    return null;
  }
}

export async function saveProject(project: ProjectData): Promise<void> {
  // The files as Blobs, stored by reference: every autosave had copied every file's bytes on the
  // page's thread (180 ms for a 120 MB export, at each change of a setting).
  const stored: ProjectData = {
    ...project,
    current: carryFiles(project.current),
    baseline: project.baseline ? carryFiles(project.baseline) : project.baseline,
  };
  await withStore('readwrite', (store) => store.put(stored, KEY));
}

export async function clearSavedProject(): Promise<void> {
  await withStore('readwrite', (store) => store.delete(KEY));
}

// --- settings backup ------------------------------------------------------------------------
// IndexedDB writes are asynchronous, and one still in flight when the page is reloaded or closed
// can be lost. The small, often-changed part of the project (mapping and decisions, weights,
// view, table state) is therefore also written synchronously to localStorage, and laid over the
// IndexedDB copy on start when it is newer and belongs to the same project. Input files and the
// layout, large and rarely changed, live in IndexedDB only.

const LIGHT_KEY = 'civic-ties:settings';
type Light = Pick<
  ProjectData,
  'id' | 'name' | 'mapping' | 'weights' | 'invited' | 'view' | 'ui' | 'updatedAt'
>;

export function saveSettingsBackup(project: ProjectData): void {
  if (!project.id) return;
  const light: Light = {
    id: project.id,
    name: project.name,
    mapping: project.mapping,
    weights: project.weights,
    invited: project.invited,
    view: project.view,
    ui: project.ui,
    updatedAt: project.updatedAt,
  };
  try {
    localStorage.setItem(LIGHT_KEY, JSON.stringify(light));
  } catch {
    // Storage full or disabled: the IndexedDB copy still holds everything but the last moments.
  }
}

/** The saved project with the newer settings backup laid over it (same project only). */
export function withSettingsBackup(project: ProjectData): ProjectData {
  let light: Light | null;
  try {
    const text = localStorage.getItem(LIGHT_KEY);
    light = text ? (JSON.parse(text) as Light) : null;
  } catch {
    light = null;
  }
  if (!light || !project.id || light.id !== project.id || !(light.updatedAt > project.updatedAt))
    return project;
  return { ...project, ...light, updatedAt: light.updatedAt };
}
