import type { PageImages } from '../../app/ports/documentRead';
import type { PageIllumination } from '../../app/ports/FullPageReaderPort';

/**
 * Data-page pictures drawn in code for the full-page reader simulator (the project ships no real document
 * images): the same page under visible, infrared and ultraviolet light, each showing what that light shows
 * on a real passport, so the UI and tests can tell them apart.
 */
const width = 500;
const height = 350;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function mrzText(lines: readonly string[], fill: string): string {
  const top = height - 18 * lines.length - 8;
  return lines
    .map((line, index) => `<text x="16" y="${top + 18 * (index + 1)}" font-family="monospace" font-size="${lines[0]!.length > 36 ? 10.5 : 14}" fill="${fill}">${escapeXml(line)}</text>`)
    .join('');
}

function svg(body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}

/** Under white light: the printed page, guilloche background, portrait, captions and MRZ. */
function visiblePage(lines: readonly string[], hue: number): string {
  return svg(
    [
      `<rect width="${width}" height="${height}" fill="hsl(${hue},30%,93%)"/>`,
      ...Array.from({ length: 8 }, (_, i) => `<circle cx="${width / 2}" cy="${height / 2 - 30}" r="${30 + i * 18}" fill="none" stroke="hsl(${hue},40%,75%)" stroke-width="1"/>`),
      `<rect x="20" y="40" width="120" height="150" fill="hsl(${hue},20%,70%)"/>`,
      `<circle cx="80" cy="100" r="32" fill="hsl(${hue},20%,50%)"/><path d="M30 190 C40 140 120 140 130 190 Z" fill="hsl(${hue},20%,45%)"/>`,
      `<text x="160" y="30" font-family="sans-serif" font-size="16" fill="#223">PASSPORT (SIMULATED)</text>`,
      ...['Surname', 'Given names', 'Nationality', 'Date of birth'].map((label, i) => `<text x="160" y="${70 + i * 32}" font-family="sans-serif" font-size="11" fill="#556">${label}</text>`),
      mrzText(lines, '#111'),
    ].join(''),
  );
}

/** Under infrared: most inks vanish; the carbon-based MRZ and the portrait stay dark. */
function infraredPage(lines: readonly string[]): string {
  return svg([`<rect width="${width}" height="${height}" fill="#e8e8e8"/>`, `<rect x="20" y="40" width="120" height="150" fill="#555"/>`, mrzText(lines, '#000')].join(''));
}

/** Under ultraviolet: the paper stays dark, fluorescent fibres and the state emblem glow, the MRZ does not. */
function ultravioletPage(hue: number): string {
  const fibres = Array.from({ length: 24 }, (_, i) => {
    const x = (i * 97) % width;
    const y = (i * 53) % height;
    return `<path d="M${x} ${y} l${8 + (i % 5) * 3} ${(i % 3) * 4 - 4}" stroke="${i % 2 ? '#ff5' : '#f5f'}" stroke-width="1.5"/>`;
  });
  return svg(
    [
      `<rect width="${width}" height="${height}" fill="#0b0b2a"/>`,
      ...fibres,
      `<circle cx="${width / 2}" cy="${height / 2 - 30}" r="70" fill="none" stroke="hsl(${hue},90%,65%)" stroke-width="6"/>`,
      `<text x="${width / 2}" y="${height / 2 - 22}" text-anchor="middle" font-family="sans-serif" font-size="22" fill="hsl(${hue},90%,70%)">UV</text>`,
    ].join(''),
  );
}

/** The page under each asked-for light, as base64 SVG images that satisfy the contract's image schema. */
export function drawPageImages(lines: readonly string[], illuminations: readonly PageIllumination[], hue = 210): PageImages {
  const draw: Record<PageIllumination, () => string> = {
    visible: () => visiblePage(lines, hue),
    infrared: () => infraredPage(lines),
    ultraviolet: () => ultravioletPage(hue),
  };
  const images: { -readonly [K in PageIllumination]?: PageImages[K] } = {};
  for (const light of illuminations) images[light] = { mediaType: 'image/svg+xml', base64: Buffer.from(draw[light]()).toString('base64') };
  return images;
}
