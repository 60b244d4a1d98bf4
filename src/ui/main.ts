// The app's entry: styles, the store, the shell, and the saved project (or the demo) on start.
import './styles.css';
import { Store } from './store';
import { mountShell } from './shell';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');

const store = new Store();
mountShell(root, store);
window.addEventListener('popstate', () => store.syncFromLocation());
window.addEventListener('hashchange', () => store.syncFromLocation());
// Save at once when the page is hidden or closed, so a reload mid-session loses nothing.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void store.flushSave();
});
window.addEventListener('pagehide', () => void store.flushSave());
void store.start();

// Handy for browser tests and for people poking at the app from the console.
(window as unknown as { civicTies: Store }).civicTies = store;
