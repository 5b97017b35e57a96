import type { Locator, Page } from '@playwright/test';

/**
 * Screenshots and PDFs written for a person to open (the README's pictures are chosen from them); no
 * assertion reads them. In CI nobody does: on the 2-core machine the ~40 of them, half full-page, were
 * browser work every run paid for nothing. They are written locally, and in CI with E2E_PICTURES=1.
 */
export const picturesForPeople = !process.env.CI || process.env.E2E_PICTURES === '1';

/** A screenshot of a page or an element, written only when pictures are kept (see above). */
export async function pictureForPeople(target: Page | Locator, path: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (!picturesForPeople) return;
  await target.screenshot({ path, ...options });
}

/** The page printed to a PDF, written only when pictures are kept. */
export async function pdfForPeople(page: Page, path: string, format: 'A4' | 'Letter'): Promise<void> {
  if (!picturesForPeople) return;
  await page.pdf({ path, format, printBackground: true });
}
