import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test-support/app.js";
import { makeUser, type SignedIn } from "../../test-support/factories.js";
import { makeCall } from "./test-helpers.js";

const t = useTestApp();

/** How a member comes to be conflicted with a proposal, one of each way there is. */
const WAYS = ["none", "chair", "self", "speakerNamed", "affiliation"] as const;

/**
 * Conflict isolation and blind review, walked: for random committees, proposals and conflicts
 * (added by the chair, declared by the member, named by the speaker, or the same affiliation),
 * every GET operation of the call that the router knows (so a new one is walked without being
 * named) is requested by every member with every proposal id; no answer may hold anything of
 * a proposal the member is conflicted with, nor, from a reviewer, any speaker's name or address.
 */
describe("a conflicted member sees nothing of the proposal", () => {
  it("through any read of the call, for random committees and conflicts", { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }), fc.array(fc.constantFrom(...WAYS), { minLength: 9, maxLength: 9 }), async (memberCount, proposalCount, ways) => {
        const x = await makeCall(t);
        const tag = Math.random().toString(36).slice(2, 8);
        // The call's own chair records conflicts and is not walked; a second chair is, conflicts and all.
        const members: SignedIn[] = [await x.member("chair", { name: `Chair ${tag}` })];
        for (let i = 1; i < memberCount; i++) members.push(await x.member("reviewer", { name: `Member ${tag} ${i}` }));
        const proposals: { id: string; title: string; speaker: SignedIn; speakerName: string }[] = [];
        const hidden = new Map<string, Set<string>>(members.map((m) => [m.id, new Set()]));
        // A person has one affiliation: a second conflict of that kind is recorded by the chair instead.
        const affiliated = new Set<string>();
        for (let p = 0; p < proposalCount; p++) {
          const speakerName = `Speaker${tag}x${p}`;
          const speaker = await makeUser(t().ctx, { name: speakerName });
          const named: string[] = [];
          const title = `Secret${tag}p${p}`;
          const affiliation = `Org${tag}${p}`;
          await t().app.inject({ method: "PUT", url: "/api/v1/cfp/profile", headers: speaker.headers, payload: { name: speakerName, affiliation } });
          members.forEach((m, i) => {
            if (ways[(p * memberCount + i) % ways.length] === "speakerNamed") named.push(m.email);
          });
          const { id } = await x.propose(speaker, title, { conflicts: named });
          proposals.push({ id, title, speaker, speakerName });
          for (const [i, m] of members.entries()) {
            let way = ways[(p * memberCount + i) % ways.length];
            if (way === "none") continue;
            if (way === "affiliation" && affiliated.has(m.id)) way = "chair";
            if (way === "affiliation") affiliated.add(m.id);
            hidden.get(m.id)!.add(id);
            if (way === "chair") expect((await x.call(x.chair, "POST", "/committee/conflicts", { proposalId: id, userId: m.id })).status).toBe(200);
            if (way === "self") expect((await x.call(m, "POST", `/committee/proposals/${id}/conflict`)).status).toBe(204);
            if (way === "affiliation") await t().app.inject({ method: "PUT", url: "/api/v1/cfp/profile", headers: m.headers, payload: { name: `Member ${tag} ${i}`, affiliation } });
          }
        }
        // Someone reviews every proposal they may, so reviews and counts exist to leak.
        await x.call(x.chair, "PUT", "/phase", { phase: "reviewing" });
        for (const m of members) for (const p of proposals) if (!hidden.get(m.id)!.has(p.id)) await x.call(m, "PUT", `/committee/proposals/${p.id}/review`, { scores: { overall: 3 }, confidence: 2, commentForCommittee: `review of ${p.title}` });

        const reads = t()
          .router.routes.map((r) => r.def)
          .filter((d) => d.method === "GET" && d.url.includes("/events/{event}/cfp"));
        expect(reads.length).toBeGreaterThan(5);
        const other = await makeCall(t);
        const outsider = await other.member("reviewer");
        for (const [i, m] of members.concat(outsider).entries()) {
          const mustNotSee = m === outsider ? proposals : proposals.filter((p) => hidden.get(m.id)!.has(p.id));
          const isChair = i === 0;
          for (const def of reads) {
            const urls = def.url.includes("{proposal}") ? proposals.map((p) => def.url.replace("{proposal}", p.id)) : [def.url];
            // Search, too: a hidden proposal is not found by its own title.
            if (def.operationId === "listCommitteeProposals") urls.push(...proposals.map((p) => `${def.url}?q=${encodeURIComponent(p.title)}`));
            for (const u of urls) {
              const res = await t().app.inject({ method: "GET", url: u.replace("{community}", x.c.slug).replace("{event}", x.e.slug), headers: m.headers });
              const seen = JSON.stringify(res.headers) + res.body;
              for (const h of mustNotSee) {
                expect(seen, `${def.operationId} as member ${i} shows ${h.title}`).not.toContain(h.title);
                expect(seen, `${def.operationId} as member ${i} shows the id of ${h.title}`).not.toContain(h.id);
              }
              // Blind review: a reviewer never reads a speaker's name or address.
              if (!isChair && def.operationId !== "getCall")
                for (const sp of proposals) {
                  expect(seen, `${def.operationId} names a speaker`).not.toContain(sp.speakerName);
                  expect(seen, `${def.operationId} gives a speaker's address`).not.toContain(sp.speaker.email);
                }
            }
          }
        }
      }),
      { numRuns: 2 },
    );
  });
});
