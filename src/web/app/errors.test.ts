import { describe, expect, it } from "vitest";
import { ApiError, apiErrorFrom, hasErrors, issuesToFields, mapFieldErrors, noErrors, toFormErrors, validationError } from "./errors.js";

describe("apiErrorFrom", () => {
  it("reads the API's error body", () => {
    const e = apiErrorFrom(400, { error: { code: "validation_failed", message: "The request has an invalid field.", fields: { email: ["Enter a valid email address."] } } });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(400);
    expect(e.code).toBe("validation_failed");
    expect(e.fields).toEqual({ email: ["Enter a valid email address."] });
    expect(e.details).toEqual({});
  });
  it("keeps the error object's other keys as details", () => {
    const body = {
      error: {
        code: "request_exists",
        message: "You already have a request for this event; see its status.",
        fields: { email: ["This address already has a request for this event."] },
        requestId: "6f1c1c1e-0000-4000-8000-000000000001",
        state: "requested",
        statusUrl: "https://plenary.example/registration/6f1c1c1e-0000-4000-8000-000000000001?token=secret-token",
        statusApi: "/api/v1/registration/requests/6f1c1c1e-0000-4000-8000-000000000001",
      },
    };
    const e = apiErrorFrom(409, body);
    expect(e.code).toBe("request_exists");
    expect(e.fields).toEqual({ email: ["This address already has a request for this event."] });
    expect(e.details).toEqual({
      requestId: "6f1c1c1e-0000-4000-8000-000000000001",
      state: "requested",
      statusUrl: "https://plenary.example/registration/6f1c1c1e-0000-4000-8000-000000000001?token=secret-token",
      statusApi: "/api/v1/registration/requests/6f1c1c1e-0000-4000-8000-000000000001",
    });
    expect(e.details).not.toHaveProperty("code");
    expect(e.details).not.toHaveProperty("message");
    expect(e.details).not.toHaveProperty("fields");
    const closed = apiErrorFrom(409, { error: { code: "requests_closed", message: "Closed.", window: { opensAt: "2030-01-01T00:00:00.000Z", closesAt: "2030-01-02T00:00:00.000Z", timeZone: "Europe/London" } } });
    expect(closed.details.window).toEqual({ opensAt: "2030-01-01T00:00:00.000Z", closesAt: "2030-01-02T00:00:00.000Z", timeZone: "Europe/London" });
  });
  it("has empty details unless given", () => {
    expect(new ApiError(403, "forbidden", "No.").details).toEqual({});
    expect(new ApiError(409, "request_exists", "m", {}, { a: 1 }).details).toEqual({ a: 1 });
    expect(apiErrorFrom(0, null).details).toEqual({});
  });
  it("copes with bodies that are not the API's", () => {
    expect(apiErrorFrom(502, "<html>").code).toBe("internal");
    expect(apiErrorFrom(0, null).code).toBe("network");
    expect(apiErrorFrom(418, { error: "nope" }).message).toBe("The server answered 418.");
    expect(apiErrorFrom(400, { error: { code: "x", message: "m", fields: { a: "not a list" } } }).fields).toEqual({});
  });
});

describe("mapFieldErrors", () => {
  it("ties messages to the form's fields and keeps the rest for the summary", () => {
    const r = mapFieldErrors({ email: ["Bad."], "query.from": ["Use the form YYYY-MM-DD."], body: ["Whole body."], secret: ["Hidden field."] }, ["email", "from"]);
    expect(r.fields).toEqual({ email: "Bad.", from: "Use the form YYYY-MM-DD." });
    expect(r.other).toEqual(["Whole body.", "secret: Hidden field."]);
  });
  it("joins several messages for one field", () => {
    expect(mapFieldErrors({ password: ["Too short.", "Too common."] }, ["password"]).fields).toEqual({ password: "Too short. Too common." });
  });
});

describe("toFormErrors", () => {
  it("summarises validation failures by count", () => {
    const e = new ApiError(400, "validation_failed", "The request has invalid fields.", { name: ["Enter a name."], slug: ["Taken."] });
    const f = toFormErrors(e, ["name", "slug"]);
    expect(f.summary).toBe("2 fields need attention.");
    expect(f.fields).toEqual({ name: "Enter a name.", slug: "Taken." });
    expect(hasErrors(f)).toBe(true);
  });
  it("uses the server's message for other errors", () => {
    const f = toFormErrors(new ApiError(403, "email_not_verified", "Confirm your address first."), ["email"]);
    expect(f).toMatchObject({ summary: "Confirm your address first.", code: "email_not_verified", fields: {} });
  });
  it("uses the server's message when a conflict names a field", () => {
    const f = toFormErrors(new ApiError(409, "slug_taken", "This community already has an event at 'x'.", { slug: ["This address is taken in this community."] }), ["slug"]);
    expect(f.summary).toBe("This community already has an event at 'x'.");
    expect(f.fields.slug).toBe("This address is taken in this community.");
  });
  it("handles anything thrown", () => {
    expect(toFormErrors(new Error("boom")).summary).toBe("boom");
    expect(toFormErrors("??").summary).toBe("Something went wrong.");
    expect(hasErrors(noErrors)).toBe(false);
  });
});

describe("client-side issues", () => {
  it("use the server's field shape", () => {
    const issues = [
      { path: ["email"], message: "Enter a valid email address." },
      { path: ["email"], message: "Enter a valid email address." },
      { path: [], message: "Whole." },
    ];
    expect(issuesToFields(issues)).toEqual({ email: ["Enter a valid email address."], body: ["Whole."] });
    expect(validationError(issues).code).toBe("validation_failed");
  });
});
