import { describe, expect, it } from 'vitest';
import { documentFieldText } from './documentFieldText';

describe('documentFieldText', () => {
  it('drops MRZ fillers and spaces and upper-cases, as identities and training steps compare document numbers', () => {
    expect(documentFieldText('l898902c3<')).toBe('L898902C3');
    expect(documentFieldText(' d<23145890 ')).toBe('D23145890');
    expect(documentFieldText('swe')).toBe('SWE');
  });

  it('is null when there is no text', () => {
    expect(documentFieldText(null)).toBeNull();
    expect(documentFieldText(undefined)).toBeNull();
    expect(documentFieldText('')).toBeNull();
  });
});
