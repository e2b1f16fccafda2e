import { describe, expect, it } from "vitest";
import { useTestApp } from "../test-support/app.js";
import { fillUrl, roleFixture } from "../test-support/walk.js";
import { ROLE_CAPABILITIES, rolesAllow, type Role } from "./permissions.js";

const t = useTestApp();

/**
 * Walks every operation of the API as every role, at a published and at an unpublished
 * event, and checks the outcome against the permission table: allowed roles get past
 * authorisation (any answer but 401/403), others get 401 when anonymous and 403 when signed
 * in, except that an unpublished event is a 404 to whoever may not see it.
 */
describe("the permission table is what the API enforces", () => {
  it.each([false, true])("for every operation and every role (event published: %s)", { timeout: 120_000 }, async (published) => {
    const { community, event, people } = await roleFixture(t().ctx, { published });
    const mismatches: string[] = [];
    let checked = 0;
    for (const { def } of t().router.routes) {
      if (def.operationId === "signOut" || def.operationId === "deleteAccount") continue; // would end the walker's own session; covered in accounts tests
      for (const [role, person] of Object.entries(people)) {
        const res = await t().app.inject({ method: def.method, url: fillUrl(def, { community: community.slug, event: event.slug }), headers: person?.headers ?? {}, payload: def.method === "GET" ? undefined : {}, remoteAddress: `10.1.${checked % 250}.${checked % 7}` });
        checked++;
        const roles = new Set<Role>(person ? ["user", ...(role === "user" || role === "anonymous" ? [] : [role as Role])] : []);
        let expected: "allowed" | 401 | 403 | 404;
        if (def.access === "public") expected = "allowed";
        else if (def.access !== "user" && !published && def.access.hiddenWithout && !rolesAllow(roles, def.access.hiddenWithout)) expected = 404;
        else if (!person) expected = 401;
        else if (def.access === "user") expected = "allowed";
        else expected = rolesAllow(roles, def.access.capability) ? "allowed" : 403;
        const ok = expected === "allowed" ? res.statusCode !== 401 && res.statusCode !== 403 : res.statusCode === expected;
        if (!ok) mismatches.push(`${def.operationId} as ${role}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
        if (res.statusCode >= 500) mismatches.push(`${def.operationId} as ${role}: ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it("gives the admin every capability and the plain user none", () => {
    for (const caps of Object.values(ROLE_CAPABILITIES)) for (const c of caps) expect(ROLE_CAPABILITIES.admin).toContain(c);
    expect(ROLE_CAPABILITIES.user).toEqual([]);
  });
});
