// Worker entry for the metrics pool: runs shortest-path jobs (betweenness, closeness) for the
// pipeline worker, which splits the sources of a large graph across one of these per core.
import { servePathJobs } from './metrics-pool';

servePathJobs(self as unknown as Parameters<typeof servePathJobs>[0]);
