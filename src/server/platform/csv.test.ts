import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv.js";

/** Splits one CSV line as a spreadsheet would with the given separator (RFC 4180 quoting). */
function splitLine(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

describe("CSV cells", () => {
  it("quotes a cell holding a semicolon, so a spreadsheet splitting on ';' sees no formula", () => {
    expect(csvCell("x;=1+1;y")).toBe('"x;=1+1;y"');
    expect(splitLine(toCsv(["a"], [["x;=1+1;y"]]).split("\r\n")[1]!, ";")).toEqual(["x;=1+1;y"]);
  });

  it("neutralises a leading = + - @, tab or carriage return", () => {
    for (const lead of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${lead}1+1`).replace(/^"/, "")).toMatch(/^'/);
  });

  it("whatever the text and whichever separator a spreadsheet guesses, no cell starts a formula, and with ',' every cell reads back whole", () => {
    const text = fc.string({ unit: fc.constantFrom("a", ";", ",", "\t", '"', "=", "+", "-", "@", " ") });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), fc.constantFrom(",", ";", "\t"), (cells, sep) => {
        const line = toCsv(["h"], [cells]).split("\r\n")[1]!;
        const read = splitLine(line, sep);
        for (const c of read) expect(c).not.toMatch(/^[=+\-@]/);
        if (sep === ",") expect(read.map((c) => c.replace(/^'(?=[=+\-@\t\r])/, ""))).toEqual(cells);
      }),
    );
  });
});
