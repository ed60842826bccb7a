import { describe, expect, it } from 'vitest';
import { td1Lines, td3Lines } from '../mrz/testSupport/buildMrzLines';
import { checkKeyboardWedgeRead } from './keyboardWedgeRead';

const today = new Date('2026-11-23T10:00:00Z');
const passport = td3Lines({ documentCode: 'P', issuingState: 'IRL', name: 'DRUMMOND<<PADRAIG<NOEL', documentNumber: 'D19RN2207', nationality: 'IRL', birthDate: '400503', sex: 'M', expirationDate: '310811' });
const idCard = td1Lines({ documentCode: 'I', issuingState: 'D', name: 'MUSTERMANN<<ERIKA', documentNumber: 'T22000129', nationality: 'D', birthDate: '640812', sex: 'F', expirationDate: '310331' });

const refusal = (lines: readonly string[]) => {
  const checked = checkKeyboardWedgeRead(lines, today);
  if (checked.ok) throw new Error(`expected a refusal for ${JSON.stringify(lines)}`);
  return checked.message;
};

describe('checkKeyboardWedgeRead', () => {
  it('takes a passport and an ID card whose every check digit is right', () => {
    for (const lines of [passport, idCard]) {
      const checked = checkKeyboardWedgeRead(lines, today);
      expect(checked).toMatchObject({ ok: true, mrz: lines });
    }
  });

  it('refuses a key typed wrong (O for 0), naming the check digits that prove it', () => {
    const typo = [passport[0], passport[1].replace('D19RN2207', 'D19RN22O7')];
    expect(refusal(typo)).toBe("The typed MRZ was refused: document number check digit is 4 but the document number 'D19RN22O7' gives 6; composite check digit is 0 but the characters it covers give 2.");
  });

  it('refuses a dropped key (a short line) and characters that are not MRZ text', () => {
    expect(refusal([passport[0], passport[1].slice(0, 43)])).toContain('line lengths 44, 43 match no MRZ layout');
    expect(refusal([passport[0].toLowerCase(), passport[1]])).toContain("line 1, column 1: 'p' is not an MRZ character");
  });

  it('refuses an MRZ the parser knows but the booth does not read as a travel document', () => {
    // A French driving licence: one line of 30, with right check digits.
    expect(refusal(['D1FRA13AA000026181231MARTIN<<9'])).toBe(
      'The typed MRZ (FRENCH_DRIVING_LICENSE) is not a passport, ID card or visa MRZ the booth reads: lines: Too small: expected array to have >=2 items.',
    );
  });

  it('passes on what is odd about the document itself (an unknown state) for the document rules to weigh', () => {
    const utopia = td3Lines({ documentCode: 'P', issuingState: 'UTO', name: 'ERIKSSON<<ANNA', documentNumber: 'L898902C3', nationality: 'UTO', birthDate: '740812', sex: 'F', expirationDate: '320415' });
    const checked = checkKeyboardWedgeRead(utopia, today);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.parsed.errors.map((error) => error.code)).toEqual(['unknownStateCode', 'unknownStateCode']);
  });
});
