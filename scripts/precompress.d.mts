/** Writes .br and .gz copies of the text files under `dir`; returns how many files were compressed. */
export function precompress(dir: string): number;
