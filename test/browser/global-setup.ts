// Browser-test global setup: serve the built app (dist/) with Vite's preview server on a free port
// and hand its URL to the tests (inject('baseUrl'), or process.env.CIVIC_TIES_URL).
import type { TestProject } from 'vitest/node';
import { startPreview } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { url, close } = await startPreview();
  project.provide('baseUrl', url);
  process.env.CIVIC_TIES_URL = url;
  return close;
}
