import type { Page } from '@playwright/test';

/** Rows in a table of the booth's IndexedDB (contents are encrypted; the count is not). */
export function countRows(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('booth');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          // Closed either way: an open connection would block the app's next schema upgrade or delete.
          const db = open.result;
          try {
            const request = db.transaction(name, 'readonly').objectStore(name).count();
            request.onsuccess = () => {
              db.close();
              resolve(request.result);
            };
            request.onerror = () => {
              db.close();
              reject(request.error);
            };
          } catch (error) {
            // A wrong table name throws here, inside the callback: reject instead of leaving the test to time out.
            db.close();
            reject(error);
          }
        };
      }),
    table,
  );
}
