// The reader's own lab report, kept in this browser so every page can price the model with it.
// Stored as the file's text and validated on every read: a report from an older or newer lab,
// or anything else under the key, is ignored (and never thrown at a page).
import {parseLabReport, type LabReport} from '@site/src/model/lab-report';

export const LAB_STORAGE_KEY = 'zero-copy:lab-report';

export function loadStoredReport(storage: Storage | undefined): LabReport | null {
  try {
    const text = storage?.getItem(LAB_STORAGE_KEY);
    return text ? parseLabReport(text) : null;
  } catch {
    return null;
  }
}

/** Keeps the text (already validated by the caller); false when the browser refuses (quota, private mode). */
export function storeReport(storage: Storage | undefined, text: string): boolean {
  try {
    storage?.setItem(LAB_STORAGE_KEY, text);
    return storage !== undefined;
  } catch {
    return false;
  }
}

export function forgetReport(storage: Storage | undefined): void {
  try {
    storage?.removeItem(LAB_STORAGE_KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

/** The browser's localStorage, or undefined where it is missing or blocked (some privacy settings throw). */
export function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}
