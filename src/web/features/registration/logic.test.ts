import { describe, expect, it } from "vitest";
import { budgetSegments, decimalMark, extraFieldNames, formatMoney, funnelSteps, localPath, minorDigits, minorToMajorString, pageInfo, parseHolidays, parseMajor, splitEmails } from "./logic.js";

describe("money in minor units", () => {
  it("parses major units by string, never through floats", () => {
    expect(parseMajor("15.00", 2)).toBe(1500);
    expect(parseMajor("15", 2)).toBe(1500);
    expect(parseMajor("15.5", 2)).toBe(1550);
    expect(parseMajor("0.29", 2)).toBe(29); // 0.29 * 100 is 28.999… in floats
    expect(parseMajor("1,500.10", 2)).toBe(150010);
    expect(parseMajor(".5", 2)).toBe(50);
    expect(parseMajor("1500", 0)).toBe(1500);
    expect(parseMajor("0", 2)).toBe(0);
  });
  it("refuses what is not an amount", () => {
    for (const bad of ["", "abc", "-5", "1.234", "1e3", "1.2.3", "12345678901234567"]) expect(parseMajor(bad, 2)).toBeNull();
    expect(parseMajor("1.5", 0)).toBeNull();
  });
  it("formats minor units with the currency code", () => {
    expect(formatMoney(1500, "USD", "en")).toBe("USD 15.00");
    expect(formatMoney(200000, "EUR", "en")).toBe("EUR 2,000.00");
    expect(formatMoney(1500, "JPY", "en")).toBe("JPY 1,500");
    expect(formatMoney(200000, "EUR", "de")).toBe("2.000,00 EUR");
    expect(formatMoney(123456789012345, "USD", "en")).toBe("USD 1,234,567,890,123.45");
    expect(minorDigits("JPY")).toBe(0);
    expect(minorToMajorString(5, 2)).toBe("0.05");
    expect(minorToMajorString(1500, 2)).toBe("15.00");
    expect(minorToMajorString(-250, 2)).toBe("-2.50");
    expect(minorToMajorString(1500, 2, ",")).toBe("15,00");
  });
  it("reads amounts with the locale's decimal mark", () => {
    expect(decimalMark("en")).toBe(".");
    expect(decimalMark("de")).toBe(",");
    expect(parseMajor("250,00", 2, ",")).toBe(25000);
    expect(parseMajor("1.500,5", 2, ",")).toBe(150050);
    expect(parseMajor("1.500", 2, ",")).toBe(150000);
    // A point before two digits is a decimal point in any locale: nobody groups digits in twos.
    expect(parseMajor("250.00", 2, ",")).toBe(25000);
    expect(parseMajor("0,29", 2, ",")).toBe(29);
    for (const bad of ["1,2,3", "1,234", "-5", "abc"]) expect(parseMajor(bad, 2, ",")).toBeNull();
  });
});

describe("charts", () => {
  it("draws the funnel relative to the requests", () => {
    const s = funnelSteps({ requested: 40, invited: 20, confirmed: 10, checkedIn: 0 });
    expect(s.map((x) => x.percent)).toEqual([100, 50, 25, 0]);
    expect(funnelSteps({ requested: 0, invited: 0, confirmed: 0, checkedIn: 0 }).every((x) => x.percent === 0)).toBe(true);
  });
  it("splits the budget into parts that fit the bar", () => {
    const s = budgetSegments({ currency: "USD", total: 1000, reimbursed: 100, accepted: 200, offered: 300, left: 400 });
    expect(s.map((x) => x.percent)).toEqual([10, 20, 30, 40]);
    const empty = budgetSegments({ currency: "USD", total: 0, reimbursed: 0, accepted: 0, offered: 0, left: 0 });
    expect(empty.every((x) => x.percent === 0)).toBe(true);
    const over = budgetSegments({ currency: "USD", total: 100, reimbursed: 80, accepted: 80, offered: 0, left: -60 });
    expect(over.reduce((a, x) => a + x.percent, 0)).toBeLessThanOrEqual(100);
  });
});

describe("lists", () => {
  it("splits pasted addresses", () => {
    expect(splitEmails("a@x.org, B@x.org;\n<c@x.org>  a@x.org nonsense")).toEqual(["a@x.org", "b@x.org", "c@x.org"]);
  });
  it("reads holidays and reports the unreadable ones", () => {
    expect(parseHolidays("2030-12-25\n2030-01-01, 2030-12-25\n2030-02-30 soon")).toEqual({ dates: ["2030-01-01", "2030-12-25"], bad: ["2030-02-30", "soon"] });
  });
  it("pages", () => {
    expect(pageInfo(120, 50, 50)).toEqual({ page: 2, pages: 3, from: 51, to: 100 });
    expect(pageInfo(0, 50, 0)).toEqual({ page: 1, pages: 1, from: 0, to: 0 });
  });
  it("turns an absolute status link into a path", () => {
    expect(localPath("http://127.0.0.1:5/registration/abc?token=t")).toBe("/registration/abc?token=t");
  });
});

describe("field names", () => {
  it("maps the server's extra answer keys onto the form's fields", () => {
    expect(extraFieldNames({ "extra.topics": ["Answer: Topics"], workOn: ["x"] })).toEqual({ "extra-topics": ["Answer: Topics"], workOn: ["x"] });
  });
});
