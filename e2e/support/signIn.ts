import { expect, type Page } from '@playwright/test';

/** The simulator's practice accounts (main/services/accounts.ts), as the README lists them. */
const practicePasswords = { officer: 'booth-officer', supervisor: 'booth-supervisor', trainer: 'booth-trainer' } as const;

/** Signs in through the sign-in screen, as a user would: type, Enter. */
export async function signIn(page: Page, role: keyof typeof practicePasswords = 'officer'): Promise<void> {
  await page.getByTestId('sign-in-user').fill(role);
  await page.getByTestId('sign-in-password').fill(practicePasswords[role]);
  await page.getByTestId('sign-in-password').press('Enter');
  await expect(page.getByTestId('sign-in')).toHaveCount(0);
  await expect(page.getByTestId('officer')).toContainText(`(${role})`);
}
