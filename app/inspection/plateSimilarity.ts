/**
 * How far apart two plate texts are, the way an LPR camera gets them wrong: characters an OCR confuses
 * (0/O/D/Q, 1/I/L, 8/B, 5/S, 2/Z, 6/G) cost a quarter of an ordinary edit, so "BTH4821" and "8TH4B21" are
 * the same plate while "BTH4821" and "BTH4822" are one real edit apart.
 */

const confusionGroups = ['0ODQ', '1IL', '8B', '5S', '2Z', '6G', 'UV', 'MN'];
const confusionCost = 0.25;

const groupOf = new Map<string, number>();
confusionGroups.forEach((group, index) => {
  for (const ch of group) groupOf.set(ch, index);
});

export function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  const ga = groupOf.get(a);
  return ga !== undefined && ga === groupOf.get(b) ? confusionCost : 1;
}

/** Weighted Levenshtein distance (insert/delete 1, substitution 1 or the confusion cost). */
export function plateDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + substitutionCost(a.charAt(i - 1), b.charAt(j - 1));
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitute));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Reads of one vehicle: one real edit at most (a missed or extra character), any number of OCR confusions within that budget. */
export function isSamePlate(a: string, b: string, maxDistance = 1): boolean {
  return plateDistance(a, b) <= maxDistance;
}
