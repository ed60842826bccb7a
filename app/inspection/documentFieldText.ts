/**
 * A document field (document number, nationality) as the booth compares it: MRZ fillers dropped, trimmed, upper case;
 * null when there is no text. The lane's identities key on it (sessionIdentities.ts), and so does a training run
 * matching a trainee's decision to its step by document number (TrainingStepDocuments.ts): the two must agree.
 */
export function documentFieldText(text: string | null | undefined): string | null {
  return text ? text.replace(/</g, '').trim().toUpperCase() : null;
}
