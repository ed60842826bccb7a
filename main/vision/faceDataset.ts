import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * A face evaluation dataset on disk: `identities.csv` (path,identity) and optionally `pairs.csv`
 * (path1,path2,same[,fold] in any column order). Parsed strictly: a bad row names its file and line.
 */
export interface LabelledImage {
  readonly path: string;
  readonly identity: string;
}

export interface LabelledPair {
  readonly path1: string;
  readonly path2: string;
  readonly same: boolean;
  readonly fold: number;
}

export class DatasetError extends Error {
  readonly code = 'invalid_dataset' as const;
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

function parseCsv(text: string, file: string, required: readonly string[]): { line: number; row: Record<string, string> }[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  for (const column of required) if (!header.includes(column)) throw new DatasetError(`${file}: header must have a "${column}" column (has ${header.join(',')})`);
  return lines.slice(1).map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== header.length) throw new DatasetError(`${file}:${i + 2}: expected ${header.length} columns, got ${cells.length}`);
    return { line: i + 2, row: Object.fromEntries(header.map((h, k) => [h, (cells[k] ?? '').trim()])) };
  });
}

const imageRow = z.object({ path: z.string().min(1), identity: z.string().min(1) });
const pairRow = z.object({
  path1: z.string().min(1),
  path2: z.string().min(1),
  same: z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true'),
  fold: z.string().regex(/^\d+$/).transform(Number).optional(),
});

export async function readIdentities(dir: string): Promise<LabelledImage[]> {
  const file = path.join(dir, 'identities.csv');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new DatasetError(`${file} not found: a dataset needs identities.csv (path,identity)`);
  });
  return parseCsv(text, file, ['path', 'identity']).map(({ line, row }) => {
    const parsed = imageRow.safeParse(row);
    if (!parsed.success) throw new DatasetError(`${file}:${line}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return parsed.data;
  });
}

export async function readPairs(file: string): Promise<LabelledPair[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new DatasetError(`${file} not found`);
  });
  return parseCsv(text, file, ['path1', 'path2', 'same']).map(({ line, row }) => {
    const parsed = pairRow.safeParse(row);
    if (!parsed.success) throw new DatasetError(`${file}:${line}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return { path1: parsed.data.path1, path2: parsed.data.path2, same: parsed.data.same, fold: parsed.data.fold ?? 1 };
  });
}
