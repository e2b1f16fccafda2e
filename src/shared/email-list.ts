/**
 * A pasted list of addresses (from a spreadsheet, a mail client's "To:" line, one per line):
 * split on commas, semicolons, white space and angle brackets, lower-cased, without
 * duplicates, keeping only what looks like an address. The decisions form counts with it
 * and the API decides with it, so both see the same list.
 */
export function parseEmailList(text: string): string[] {
  return [...new Set(text.split(/[\s,;<>]+/).map((x) => x.trim().toLowerCase()).filter((x) => x.includes("@")))];
}
