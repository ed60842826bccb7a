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
  it('takes a passport and an ID card whose every check digit is right, unflagged', () => {
    for (const lines of [passport, idCard]) {
      const checked = checkKeyboardWedgeRead(lines, today);
      expect(checked).toMatchObject({ ok: true, mrz: lines, checkDigitFailures: [] });
    }
  });

  it('takes a well-formed MRZ whose check digits fail, flagged with each failing digit, as a serial reader delivers it', () => {
    // One character of the document number differs from what its check digit covers: forged, damaged, or a key typed wrong.
    const tampered = [passport[0], passport[1].replace('D19RN2207', 'D19RN22O7')];
    const checked = checkKeyboardWedgeRead(tampered, today);
    if (!checked.ok) throw new Error(`refused: ${checked.message}`);
    expect(checked.mrz).toEqual(tampered);
    expect(checked.checkDigitFailures.map((error) => [error.code, error.message])).toEqual([
      ['checkDigitMismatch', "document number check digit is 4 but the document number 'D19RN22O7' gives 6"],
      ['checkDigitMismatch', 'composite check digit is 0 but the characters it covers give 2'],
    ]);
    expect(checked.parsed.valid).toBe(false);
    // A missing check digit ('<' where a digit must be) is a failing check digit too, not garbage.
    const missing = [passport[0], `${passport[1].slice(0, 9)}<${passport[1].slice(10)}`];
    const flagged = checkKeyboardWedgeRead(missing, today);
    expect(flagged.ok && flagged.checkDigitFailures.map((error) => error.code)).toEqual(['checkDigitMissing', 'checkDigitMismatch']);
  });

  it('refuses fields that cannot be read: O for 0 in a check digit, a digit in a state code', () => {
    // The composite check digit, the line's last character: a keyboard layout that types O for 0.
    expect(refusal([passport[0], `${passport[1].slice(0, 43)}O`])).toBe(
      "The typed MRZ was refused: composite check digit must be a digit, found 'O'; the characters it covers give 0.",
    );
    expect(refusal([passport[0].replace('P<IRL', 'P<1RL'), passport[1]])).toMatch(/^The typed MRZ was refused: issuing state must be 1 to 3 letters padded with '<', found '1RL'/);
  });

  it('refuses a dropped key (a short line), characters that are not MRZ text and a wrong line count', () => {
    expect(refusal([passport[0], passport[1].slice(0, 43)])).toContain('line lengths 44, 43 match no MRZ layout');
    expect(refusal([passport[0].toLowerCase(), passport[1]])).toContain("line 1, column 1: 'p' is not an MRZ character");
    expect(refusal([...idCard.slice(0, 2)])).toMatch(/^The typed MRZ was refused: /);
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
