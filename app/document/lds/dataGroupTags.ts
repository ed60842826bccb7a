/**
 * The outer tag of each LDS elementary file (ICAO 9303-10, table "LDS1 data groups"), used to map the
 * EF.COM tag list and the first byte of a read file to a data group number.
 */
const tagByDataGroup: ReadonlyMap<number, number> = new Map([
  [1, 0x61],
  [2, 0x75],
  [3, 0x63],
  [4, 0x76],
  [5, 0x65],
  [6, 0x66],
  [7, 0x67],
  [8, 0x68],
  [9, 0x69],
  [10, 0x6a],
  [11, 0x6b],
  [12, 0x6c],
  [13, 0x6d],
  [14, 0x6e],
  [15, 0x6f],
  [16, 0x70],
]);

const dataGroupByTag: ReadonlyMap<number, number> = new Map([...tagByDataGroup].map(([dg, tag]) => [tag, dg]));

/** Tag of EF.COM. */
export const efComTag = 0x60;
/** Tag of EF.SOD. */
export const efSodTag = 0x77;

/** The outer tag of data group `dg` (1..16), or undefined. */
export function dataGroupTag(dg: number): number | undefined {
  return tagByDataGroup.get(dg);
}

/** The data group number whose outer tag is `tag`, or undefined for tags that are not data groups. */
export function dataGroupOfTag(tag: number): number | undefined {
  return dataGroupByTag.get(tag);
}
