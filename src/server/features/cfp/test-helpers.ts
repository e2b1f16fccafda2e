import type { TestApp } from "../../test-support/app.js";
import { grant, makeCommunity, makeEvent, makeUser, type SignedIn } from "../../test-support/factories.js";
import type { SettingsBody } from "./schema.js";

/** A call's settings as the tests need them: open now in the event's zone, two tracks, one required question. */
export function callSettings(over: Partial<SettingsBody> = {}): SettingsBody {
  return {
    opensAt: { local: "2000-01-01T00:00", zone: "event" },
    closesAt: { local: "2099-01-01T00:00", zone: "aoe" },
    sessionTypes: [
      { key: "presentation", label: "Presentation", minutes: 40 },
      { key: "workshop", label: "Workshop", minutes: 90 },
    ],
    tracks: [
      { key: "dev", name: "Development", topics: ["Scheduling", "Security"] },
      { key: "ops", name: "Deployment", topics: ["Clouds"] },
    ],
    questions: [{ key: "level", target: "proposal", kind: "choice", label: "Level", help: "", required: true, maxLength: null, min: null, max: null, options: ["Beginner", "Expert"], maxChoices: null }],
    criteria: [{ key: "overall", label: "Overall", weight: 1, scale: [1, 2, 3, 4].map((value) => ({ value, label: `Point ${value}` })) }],
    maxProposalsPerSpeaker: 5,
    lateAccessCode: "late-code-123",
    blind: true,
    page: "Send us **talks**.<script>alert(1)</script>",
    ...over,
  };
}

export type Call = Awaited<ReturnType<typeof makeCall>>;

/** A conference with a chair, a call set up with `callSettings`, and a helper that calls its API as anyone. */
export async function makeCall(t: () => TestApp, over: Partial<SettingsBody> = {}) {
  const chair = await makeUser(t().ctx, { name: "Chris Chair" });
  const c = await makeCommunity(t().ctx);
  const e = await makeEvent(t().ctx, c.id, { kind: "conference", timeZone: "America/Chicago" });
  await grant(t().ctx, e.id, chair.id, "chair");
  const base = `/api/v1/communities/${c.slug}/events/${e.slug}/cfp`;
  const call = async <T = Record<string, unknown>>(who: SignedIn | null, method: "GET" | "POST" | "PUT" | "DELETE", path: string, payload?: unknown) => {
    const res = await t().app.inject({ method, url: `${base}${path}`, headers: who?.headers ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: (res.headers["content-type"]?.toString().startsWith("application/json") ? JSON.parse(res.body) : res.body) as T, raw: res.body };
  };
  const settings = await call(chair, "PUT", "/settings", callSettings(over));
  if (settings.status !== 200) throw new Error(`settings refused: ${settings.raw}`);
  const member = async (role: "chair" | "reviewer", opts: { name?: string; email?: string } = {}) => {
    const u = await makeUser(t().ctx, opts);
    await grant(t().ctx, e.id, u.id, role);
    return u;
  };
  /** A submitted proposal by `who`. */
  const propose = async (who: SignedIn, title: string, extra: Record<string, unknown> = {}) => {
    const draft = await call<{ id: string }>(who, "POST", "/proposals", { title, sessionType: "presentation", topics: ["Scheduling"], answers: { level: "Expert" }, ...extra });
    if (draft.status !== 201) throw new Error(`draft refused: ${draft.raw}`);
    const sent = await call<{ id: string; state: string }>(who, "POST", `/proposals/${draft.body.id}/submit`, {});
    if (sent.status !== 200) throw new Error(`submit refused: ${sent.raw}`);
    return sent.body;
  };
  return { chair, c, e, base, call, member, propose };
}
