// The command-line host: `npm run --silent cli -- <command> [options]` over the same core as the app.
import { runMetrics, metricsHelp } from './commands/metrics';
import { runNetwork, networkHelp } from './commands/network';
import { runAnalyse, analyseHelp } from './commands/analyse';
import { UsageError } from './args';
import { CancelledError, InputError, makeProgress } from '../core/quality';

const COMMANDS: Record<string, { run: typeof runMetrics; help: string; summary: string }> = {
  metrics: { run: runMetrics, help: metricsHelp, summary: 'a plain network in, every metric out (JSON)' },
  network: {
    run: runNetwork,
    help: networkHelp,
    summary: 'survey exports in, a clean network out (edges.csv, nodes.csv)',
  },
  analyse: { run: runAnalyse, help: analyseHelp, summary: 'survey files in, scorecards and report out' },
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
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage}\n`);
    return 2;
  }
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
