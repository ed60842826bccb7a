import { Command } from 'commander';

/**
 * The `booth` command line. Each area registers its own sub-command from main/cli/commands/,
 * one file per area, so this file only wires them together.
 */
const program = new Command('booth').description('Booth support and scripting commands').showHelpAfterError();

type CommandModule = { register(program: Command): void };

const commandModules: readonly Promise<CommandModule>[] = [
  // One line per area: import('./commands/<area>.js'), each exporting `register(program)`.
  import('./commands/faces'),
  import('./commands/mrz'),
  import('./commands/chip'),
  import('./commands/audit'),
  import('./commands/users'),
  import('./commands/training'),
  import('./commands/policy'),
];

for (const module of await Promise.all(commandModules)) module.register(program);

await program.parseAsync(process.argv);
