/**
 * CSV (RFC 4180) for every export: a cell that a spreadsheet would run as a formula is
 * written as text (a leading apostrophe), and cells with quotes, line breaks, surrounding
 * spaces or any separator a spreadsheet may guess are quoted: German spreadsheets split on
 * `;` by default, so an unquoted `x;=1+1` would put a formula in a cell of its own.
 */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",;\t\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
