import { hash, verify } from '@node-rs/argon2';
import { join } from 'node:path';
import { z } from 'zod';
import { describeSchemaError } from '../../app/shared/describeSchemaError';
import { userRoleSchema, type SignedInUser } from '../../app/host/signedInUser';
import { readOwnerOnly, writeOwnerOnly } from './ownerOnlyFile';

/**
 * The booth's local accounts: officers, supervisors and trainers, each with a password hashed with Argon2id
 * (@node-rs/argon2, the OWASP-recommended algorithm). The file lives in the user data folder, readable by
 * its owner only; nothing in it is a password.
 */

export const userIdSchema = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9._-]+$/, 'use lower-case letters, digits, dot, dash or underscore');

const accountSchema = z.object({
  userId: userIdSchema,
  name: z.string().trim().min(1).max(80),
  role: userRoleSchema,
  passwordHash: z.string().startsWith('$argon2id$').max(300),
});
const accountsFileSchema = z.object({ version: z.literal(1), accounts: z.array(accountSchema).max(500) });
export type Account = z.infer<typeof accountSchema>;

export const minimumPasswordLength = 10;

export type AccountsErrorCode =
  | 'bad_credentials'
  | 'corrupt_file'
  /** Group or others can read the accounts file: its hashes may have been copied, so no one signs in from it. */
  | 'insecure_permissions'
  | 'invalid_account'
  | 'duplicate_user';

export class AccountsError extends Error {
  constructor(
    readonly code: AccountsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AccountsError';
  }
}

/** The simulator's practice accounts (sim mode only, documented in the README): trainers and tests sign in with them. */
export const practiceAccounts: readonly (SignedInUser & { readonly password: string })[] = [
  { userId: 'officer', name: 'Practice Officer', role: 'officer', password: 'booth-officer' },
  { userId: 'supervisor', name: 'Practice Supervisor', role: 'supervisor', password: 'booth-supervisor' },
  { userId: 'trainer', name: 'Practice Trainer', role: 'trainer', password: 'booth-trainer' },
];

export class AccountStore {
  constructor(readonly file: string) {}

  static inUserData(dir: string): AccountStore {
    return new AccountStore(join(dir, 'accounts.json'));
  }

  async list(): Promise<readonly Account[]> {
    const text = await this.readOwnerOnly();
    if (text === null) return [];
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AccountsError('corrupt_file', `${this.file} is not JSON; fix or remove it (accounts are not read from it)`);
    }
    const parsed = accountsFileSchema.safeParse(json);
    if (!parsed.success) throw new AccountsError('corrupt_file', `${this.file}: ${describeSchemaError(parsed.error)}`);
    return parsed.data.accounts;
  }

  async add(user: SignedInUser, password: string): Promise<void> {
    const account = accountSchema.safeParse({ ...user, passwordHash: '$argon2id$placeholder' });
    if (!account.success) throw new AccountsError('invalid_account', describeSchemaError(account.error));
    if (password.length < minimumPasswordLength) throw new AccountsError('invalid_account', `the password must have at least ${minimumPasswordLength} characters`);
    const accounts = await this.list();
    if (accounts.some((a) => a.userId === account.data.userId)) throw new AccountsError('duplicate_user', `user "${account.data.userId}" already exists`);
    await this.write([...accounts, { ...account.data, passwordHash: await hash(password) }]);
  }

  /** The user, when the password is theirs. The same error for an unknown user and a wrong password. */
  async signIn(userId: string, password: string): Promise<SignedInUser> {
    const account = (await this.list()).find((a) => a.userId === userId.trim().toLowerCase());
    // Verify against a real hash even for an unknown user, so timing does not tell which user ids exist.
    const valid = await verify(account?.passwordHash ?? practiceHashForTiming, password).catch(() => false);
    if (!account || !valid) throw new AccountsError('bad_credentials', 'unknown user or wrong password');
    return { userId: account.userId, name: account.name, role: account.role };
  }

  /** Creates the practice accounts when there are no accounts at all (simulation only). */
  async ensurePracticeAccounts(): Promise<void> {
    if ((await this.list()).length > 0) return;
    for (const account of practiceAccounts) await this.add(account, account.password);
  }

  /** The file's text (null when there is none), refused when group or others may read it, as storage.key is. */
  private async readOwnerOnly(): Promise<string | null> {
    const bytes = await readOwnerOnly(
      this.file,
      (permissions) =>
        new AccountsError('insecure_permissions', `the accounts file ${this.file} has permissions ${permissions}: it must be readable by its owner only (chmod 600 "${this.file}"); since others could read the password hashes, consider changing the passwords`),
    );
    return bytes === null ? null : bytes.toString('utf8');
  }

  private async write(accounts: readonly Account[]): Promise<void> {
    await writeOwnerOnly(this.file, `${JSON.stringify({ version: 1, accounts }, null, 2)}\n`);
  }
}

const practiceHashForTiming = '$argon2id$v=19$m=19456,t=2,p=1$BHoNRKeaWGc/HzzcCnqUAw$eI3NStlqGvwsQgwYxQr+7JmiSybQoNcmKiFg6S0drKg';
