import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Context } from 'smartcard';

/** Where Debian installs the daemon. */
const pcscdPaths = ['/usr/sbin/pcscd', '/usr/local/sbin/pcscd'];
export const vpcdReaderPrefix = 'Virtual PCD';

export type PcscdStatus =
  | { readonly ok: true; readonly readers: readonly string[]; readonly started: boolean }
  | { readonly ok: false; readonly reason: string };

export function pcscdBinary(): string | undefined {
  return pcscdPaths.find((p) => existsSync(p));
}

function pcscdRunning(): boolean {
  try {
    execFileSync('pgrep', ['-x', 'pcscd'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function listPcscReaders(): string[] {
  let context: InstanceType<typeof Context> | undefined;
  try {
    context = new Context();
    return context.listReaders().map((r) => r.name);
  } catch {
    return [];
  } finally {
    context?.close();
  }
}

/**
 * Makes sure pcscd runs and the vpcd virtual readers are visible: for tests, benchmarks and `chip simulate`.
 * Starts `pcscd -f` as a detached child when none runs (it keeps running for later users, like a system
 * service would). Never throws: callers skip or report using `reason`.
 */
export async function ensurePcscd(options: { timeoutMs?: number; readerPrefix?: string } = {}): Promise<PcscdStatus> {
  const timeoutMs = options.timeoutMs ?? 8000;
  const prefix = options.readerPrefix ?? vpcdReaderPrefix;
  const binary = pcscdBinary();
  if (!binary) return { ok: false, reason: 'pcscd is not installed (apt-get install -y pcscd libpcsclite-dev vsmartcard-vpcd)' };
  let started = false;
  if (!pcscdRunning()) {
    const child = spawn(binary, ['-f'], { detached: true, stdio: 'ignore' });
    child.unref();
    started = true;
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const readers = listPcscReaders().filter((r) => r.startsWith(prefix));
    if (readers.length > 0) return { ok: true, readers, started };
    if (Date.now() > deadline) return { ok: false, reason: `pcscd runs but no "${prefix}" reader appeared within ${timeoutMs} ms (is vsmartcard-vpcd installed?)` };
    await new Promise((r) => setTimeout(r, 100));
  }
}
