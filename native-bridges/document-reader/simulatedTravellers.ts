/**
 * The simulated reader's scripted travellers. Fictional people in the style of the ICAO 9303 specimens,
 * with check digits computed for these exact lines; the last one is deliberately expired.
 * Portraits are drawn, not photographed, so the project ships no one's face.
 */
export interface SimulatedTraveller {
  readonly mrz: readonly string[];
  /** Initials and hue for the drawn portrait. */
  readonly initials: string;
  readonly hue: number;
}

export const simulatedTravellers: readonly SimulatedTraveller[] = [
  { initials: 'AE', hue: 200, mrz: ['P<SWEERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36SWE7408122F3404159ZE184226B<<<<<16'] },
  { initials: 'MJ', hue: 20, mrz: ['P<USAJOHNSON<<MICHAEL<JAMES<<<<<<<<<<<<<<<<<', 'A123456784USA8503220M3111301<<<<<<<<<<<<<<<2'] },
  { initials: 'EM', hue: 120, mrz: ['I<D<<T220001293<<<<<<<<<<<<<<<', '6408125F3110315D<<<<<<<<<<<<<2', 'MUSTERMANN<<ERIKA<<<<<<<<<<<<<'] },
  { initials: 'WB', hue: 280, mrz: ['P<NLDDE<BRUIJN<<WILLEKE<LISELOTTE<<<<<<<<<<<', 'SPECI20142NLD1503106F2903091999999990<<<<<84'] },
  { initials: 'SM', hue: 340, mrz: ['P<CANMARTIN<<SARAH<<<<<<<<<<<<<<<<<<<<<<<<<<', 'GA30219876CAN9107049F2501017<<<<<<<<<<<<<<<0'] },
];

/** A simple drawn head-and-shoulders portrait with initials, as an SVG document. */
export function drawnPortraitSvg(initials: string, hue: number): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="300" viewBox="0 0 240 300">',
    `<rect width="240" height="300" fill="hsl(${hue},35%,85%)"/>`,
    `<circle cx="120" cy="120" r="62" fill="hsl(${hue},25%,55%)"/>`,
    `<path d="M20 300 C30 210 210 210 220 300 Z" fill="hsl(${hue},25%,45%)"/>`,
    `<text x="120" y="138" font-family="sans-serif" font-size="48" text-anchor="middle" fill="#fff">${initials}</text>`,
    '</svg>',
  ].join('');
}
