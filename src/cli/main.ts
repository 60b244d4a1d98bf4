// The command-line host: `npm run --silent cli -- <command> [options]` over the same core as the app.
import { UsageError } from './args';
import { CancelledError, InputError, makeProgress, type Progress } from '../core/quality';

interface Command {
  run(argv: string[], progress: Progress): Promise<number>;
  help: string;
}

// Each command's module is loaded only when it runs: `network` does not wait for the report,
// chart and metrics code that `analyse` needs (start-up is most of a small run's time).
const COMMANDS: Record<string, { load: () => Promise<Command>; summary: string }> = {
  metrics: {
    load: async () => {
      const m = await import('./commands/metrics');
      return { run: m.runMetrics, help: m.metricsHelp };
    },
    summary: 'a plain network in, every metric out (JSON)',
  },
  network: {
    load: async () => {
      const m = await import('./commands/network');
      return { run: m.runNetwork, help: m.networkHelp };
    },
    summary: 'survey exports in, a clean network out (edges.csv, nodes.csv)',
  },
  analyse: {
    load: async () => {
      const m = await import('./commands/analyse');
      return { run: m.runAnalyse, help: m.analyseHelp };
    },
    summary: 'survey files in, scorecards and report out',
  },
};

const usage = `Usage: npm run --silent cli -- <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join('\n')}

Run a command with --help for its options. Exit codes: 0 done, 1 bad input, 2 usage.`;

/** Progress on stderr only when a person is watching (a TTY), so scripts get clean output. */
function terminalProgress() {
  if (!process.stderr.isTTY) return makeProgress();
  let last = '';
  return makeProgress((phase, fraction) => {
    const line = `${phase} ${Math.round(fraction * 100)}%`;
    if (line !== last) process.stderr.write(`\r\x1b[K${line}`);
    last = line;
    if (fraction >= 1) process.stderr.write('\r\x1b[K');
  });
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage);
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage}\n`);
    return 2;
  }
  const command = await entry.load();
  try {
    return await command.run(rest, terminalProgress());
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${name}: ${err.message}\n\n${command.help}\n`);
      return 2;
    }
    if (err instanceof InputError) {
      process.stderr.write(`error: ${err.describe()}\n`);
      return 1;
    }
    if (err instanceof CancelledError) {
      process.stderr.write('Cancelled.\n');
      return 1;
    }
    throw err;
  }
}

process.exitCode = await main(process.argv.slice(2));
