import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CharacterCount, ErrorSummary, overLimit, TextArea, TextField } from "./forms.js";

/**
 * The shared text controls: a field with a limit never cuts text (no `maxlength` on the
 * element), counts near the limit and says when the text is too long.
 */
describe("text fields with a length limit", () => {
  it("keeps the maxlength attribute off the element, so pasted text is never cut", () => {
    const html = renderToStaticMarkup(<TextField form="f" name="name" label="Name" maxLength={80} value={"x".repeat(200)} onChange={() => undefined} />);
    expect(html).not.toMatch(/maxlength/i);
    expect(html).toContain(`value="${"x".repeat(200)}"`);
    const area = renderToStaticMarkup(<TextArea form="f" name="body" label="Body" maxLength={80} value={"y".repeat(81)} onChange={() => undefined} />);
    expect(area).not.toMatch(/maxlength/i);
  });

  it("says how much too long the text is, marks the field invalid and points at the counter", () => {
    const html = renderToStaticMarkup(<TextField form="f" name="name" label="Name" maxLength={80} value={"x".repeat(200)} onChange={() => undefined} />);
    expect(html).toContain("Too long by 120 characters: the limit is 80, and nothing was cut.");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toMatch(/aria-describedby="f-name-count"/);
    expect(html).toContain('id="f-name-count" class="char-count char-count-over"');
  });

  it("is quiet far from the limit and counts down near it", () => {
    const far = renderToStaticMarkup(<TextArea form="f" name="body" label="Body" maxLength={500} value="short" onChange={() => undefined} />);
    expect(far).toMatch(/<p id="f-body-count" class="char-count" hidden="">\s*<\/p>/);
    expect(far).not.toContain("aria-invalid");
    const near = renderToStaticMarkup(<TextArea form="f" name="body" label="Body" maxLength={500} value={"z".repeat(450)} onChange={() => undefined} />);
    expect(near).toContain("50 characters left");
    expect(renderToStaticMarkup(<CharacterCount id="c" value="ab" limit={3} />)).toContain("hidden");
    expect(renderToStaticMarkup(<CharacterCount id="c" value="abcd" limit={3} />)).toContain("Too long by 1 character:");
  });

  it("counts as the schema does", () => {
    expect(overLimit("abc", 3)).toBe(false);
    expect(overLimit("abcd", 3)).toBe(true);
    expect(overLimit("abcd", undefined)).toBe(false);
  });

  it("has no counter without a limit", () => {
    expect(renderToStaticMarkup(<TextField form="f" name="q" label="Q" value="x" onChange={() => undefined} />)).not.toContain("char-count");
  });
});

describe("the error summary", () => {
  it("puts no colon after a label that ends in a question mark", () => {
    const html = renderToStaticMarkup(<ErrorSummary form="r" errors={{ summary: "1 field needs attention.", fields: { workOn: "Tell us what you want to work on." }, other: [] }} labels={{ workOn: "What do you want to work on?" }} />);
    expect(html).toContain("What do you want to work on? Tell us what you want to work on.");
    expect(html).not.toContain("?:");
  });
});
