import type { Command } from 'commander';
import type { TrustFile } from '../../../native-bridges/chip/passive-auth/trustFile.node.ts';
import { loadTrustStore } from '../../../native-bridges/chip/passive-auth/trustStore.node.ts';
import { loadSettingsFile } from '../../services/settingsFile';
import { userDataDir } from '../../services/userDataDir';

/**
 * `npx booth chip trust list [--trust PATH...]`: what the booth's trust list (setting `chipTrust`, or the paths
 * given) loads, file by file; `npx booth chip trust check FILE`: whether one file would be used, and why not.
 * Exit codes: 0 everything loaded (list) or the file is usable (check); 1 a file was refused or a CRL is past
 * its next update; 2 usage error (nothing to list, unreadable path).
 */

export interface TrustCliOutcome {
  readonly exitCode: 0 | 1 | 2;
  readonly output: string;
}

function describe(file: TrustFile): string {
  const facts = [
    file.subject,
    file.certificates !== undefined ? `${file.certificates} CSCAs` : undefined,
    file.validUntil ? `valid until ${file.validUntil}` : undefined,
    file.nextUpdate ? `next update ${file.nextUpdate}${file.expired ? ' (PAST: revocation status unknown)' : ''}` : undefined,
    file.revoked !== undefined ? `${file.revoked} revoked` : undefined,
    file.note,
  ].filter((f): f is string => f !== undefined && f !== '');
  const head = `${file.status === 'loaded' ? 'LOADED ' : 'REFUSED'} ${file.kind.padEnd(16)} ${file.file}`;
  return [head, ...facts.map((f) => `        ${f}`), ...(file.reason ? [`        why refused: ${file.reason}`] : [])].join('\n');
}

function report(paths: readonly string[], at: Date, json: boolean): TrustCliOutcome {
  const store = loadTrustStore(paths, at);
  const problems = store.files.filter((f) => f.status === 'refused' || f.expired);
  const exitCode = problems.length > 0 ? 1 : 0;
  if (json) return { exitCode, output: JSON.stringify({ anchors: store.anchors.length, crls: store.crls.length, files: store.files }, null, 2) };
  const summary = `${store.anchors.length} CSCA(s) trusted, ${store.crls.length} CRL(s) read, ${problems.length} problem(s)`;
  return { exitCode, output: [...store.files.map(describe), summary].join('\n') };
}

/** Lists what `paths` (default: the booth's `chipTrust` setting) load. */
export function runChipTrustList(options: { readonly trust?: readonly string[]; readonly json?: boolean; readonly dataDir?: string }, at: Date): TrustCliOutcome {
  const paths = options.trust && options.trust.length > 0 ? options.trust : loadSettingsFile(options.dataDir ?? userDataDir()).settings.chipTrust;
  if (paths.length === 0) {
    return { exitCode: 2, output: 'the trust list is empty: set chipTrust in settings.json (CSCA master lists, certificate folders, CRLs) or give --trust PATH' };
  }
  return report(paths, at, options.json ?? false);
}

/** Whether one file (or folder) would be used, and why not. */
export function runChipTrustCheck(file: string, options: { readonly json?: boolean }, at: Date): TrustCliOutcome {
  return report([file], at, options.json ?? false);
}

export function addChipTrustCommand(chip: Command): void {
  const trust = chip.command('trust').description('the CSCA trust list: master lists, CSCA and link certificates, CRLs');
  const run = (outcome: TrustCliOutcome) => {
    (outcome.exitCode === 2 ? console.error : console.log)(outcome.output);
    process.exitCode = outcome.exitCode;
  };
  trust
    .command('list')
    .description('what the trust list loads, file by file (default: the chipTrust setting); exit 1 if a file is refused or a CRL is out of date')
    .option('--trust <paths...>', 'list these paths instead of the chipTrust setting')
    .option('--json', 'print JSON', false)
    .action((options: { trust?: string[]; json?: boolean }) => run(runChipTrustList(options, new Date())));
  trust
    .command('check')
    .description('whether one trust file would be used, and why not')
    .argument('<file>', 'a master list, certificate, CRL or folder')
    .option('--json', 'print JSON', false)
    .action((file: string, options: { json?: boolean }) => run(runChipTrustCheck(file, options, new Date())));
}
