// Runs a reference script under Debian's python (/usr/bin/python3, where networkx and igraph live)
// and reads the JSON it prints; reports absence instead of failing when python or a module is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';

/** True when /usr/bin/python3 exists and imports every module named. */
export function pythonHas(...modules: string[]): boolean {
  if (!existsSync(PYTHON)) return false;
  const r = spawnSync(PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
  return r.status === 0;
}

export function runPython<T>(script: string, args: string[], timeoutMs = 600_000): T {
  const r = spawnSync(PYTHON, [script, ...args], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr || r.error?.message}`);
  return JSON.parse(r.stdout) as T;
}
