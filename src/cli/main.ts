import { Command, CommanderError } from 'commander';
import { runCli } from './commands.js';

const program = new Command();
try {
  process.exitCode = await runCli(program, process.argv);
} catch (e) {
  // Commander has already printed its own message (unknown command, missing option…).
  process.exitCode = e instanceof CommanderError ? e.exitCode : 1;
  if (!(e instanceof CommanderError)) console.error((e as Error).stack ?? String(e));
}
