/** A catalogue: every user-facing string by key, in both languages. */
export type Messages = Record<string, {en: string; zh: string}>
