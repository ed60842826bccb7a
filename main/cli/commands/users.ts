/**
 * `npx booth users add ID --name NAME --role officer|supervisor|trainer` (password read from standard input, so it
 * never appears in the shell history or the process list) and `npx booth users list`. Accounts live in the user
 * data folder (BOOTH_USER_DATA overrides it), hashed with Argon2id.
 */
import type { Command } from 'commander';
import { userRoleSchema } from '../../../app/host/signedInUser';
import { AccountsError, AccountStore } from '../../services/accounts';
import { userDataDir } from '../../services/userDataDir';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export function register(program: Command): void {
  const users = program.command('users').description("the booth's local accounts");
  users
    .command('add')
    .description('add an account; the password is read from standard input')
    .argument('<userId>', 'lower-case id the user signs in with')
    .requiredOption('--name <name>', 'the name shown and recorded with every action')
    .requiredOption('--role <role>', 'officer, supervisor or trainer')
    .action(async (userId: string, options: { name: string; role: string }) => {
      const role = userRoleSchema.safeParse(options.role);
      if (!role.success) {
        process.stderr.write(`booth users add: --role must be officer, supervisor or trainer, not "${options.role}"\n`);
        process.exitCode = 2;
        return;
      }
      try {
        const store = AccountStore.inUserData(userDataDir());
        await store.add({ userId, name: options.name, role: role.data }, await readStdin());
        process.stdout.write(`added ${role.data} "${userId}" to ${store.file}\n`);
      } catch (error) {
        process.stderr.write(`booth users add: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = error instanceof AccountsError ? 2 : 1;
      }
    });
  users
    .command('list')
    .description('list accounts (ids, names, roles; never passwords)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const accounts = (await AccountStore.inUserData(userDataDir()).list()).map(({ userId, name, role }) => ({ userId, name, role }));
      process.stdout.write(options.json ? `${JSON.stringify(accounts)}\n` : accounts.map((a) => `${a.userId}\t${a.role}\t${a.name}`).join('\n') + '\n');
    });
}
