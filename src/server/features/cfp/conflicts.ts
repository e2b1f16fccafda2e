import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/index.js";
import { users } from "../../platform/auth/tables.js";
import { roleHolders } from "../events/index.js";
import { automaticConflict, type ConflictSource, type Person } from "./rules.js";
import { cfpConflicts, cfpDeclaredConflicts, cfpProposals, cfpProposalSpeakers, speakerProfiles } from "./tables.js";

/**
 * Conflicts of interest, in one place: every committee read, count, export, mail and the
 * assignment ask `conflictsOf` which proposals a member may not see, so nothing can show a
 * conflicted member a proposal by another way. A conflict is declared (by the member, by a
 * chair, or by a speaker naming the member's address) or automatic (rules.ts: speaker of
 * it, same organisation's mail domain, same affiliation, spoke together before).
 */
export interface Member extends Person {
  userId: string;
  name: string;
  role: "chair" | "reviewer";
}

/** The committee: whoever holds the chair or reviewer role at the event (a chair's role wins). */
export async function committeeMembers(db: Db, eventId: string, only?: string): Promise<Member[]> {
  const holders = (await roleHolders(db, eventId, ["chair", "reviewer"])).filter((h) => !only || h.userId === only);
  if (!holders.length) return [];
  const rows = await db
    .select({ userId: users.id, email: users.email, name: users.name, profileName: speakerProfiles.name, affiliation: speakerProfiles.affiliation })
    .from(users)
    .leftJoin(speakerProfiles, eq(speakerProfiles.userId, users.id))
    .where(inArray(users.id, [...new Set(holders.map((h) => h.userId))]));
  const chairs = new Set(holders.filter((h) => h.role === "chair").map((h) => h.userId));
  return rows
    .map((r) => ({ userId: r.userId, email: r.email, name: r.profileName ?? r.name, affiliation: r.affiliation ?? "", role: chairs.has(r.userId) ? ("chair" as const) : ("reviewer" as const) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A person's own standing when they are not on the committee (an organiser or admin acting as chair). */
export async function personOf(db: Db, userId: string): Promise<Person> {
  const [r] = await db.select({ email: users.email, affiliation: speakerProfiles.affiliation }).from(users).leftJoin(speakerProfiles, eq(speakerProfiles.userId, users.id)).where(eq(users.id, userId));
  return { userId, email: r?.email ?? "", affiliation: r?.affiliation ?? "" };
}

/** For each person, the event's proposals they are conflicted with and why. */
export async function conflictsOf(db: Db, eventId: string, people: readonly Person[]): Promise<Map<string, Map<string, ConflictSource>>> {
  const out = new Map<string, Map<string, ConflictSource>>(people.map((p) => [p.userId!, new Map()]));
  if (!people.length) return out;
  const ids = people.map((p) => p.userId!);
  const speakers = await db
    .select({ proposalId: cfpProposalSpeakers.proposalId, userId: cfpProposalSpeakers.userId, email: cfpProposalSpeakers.email, affiliation: speakerProfiles.affiliation })
    .from(cfpProposalSpeakers)
    .innerJoin(cfpProposals, eq(cfpProposals.id, cfpProposalSpeakers.proposalId))
    .leftJoin(speakerProfiles, eq(speakerProfiles.userId, cfpProposalSpeakers.userId))
    .where(and(eq(cfpProposals.eventId, eventId), ne(cfpProposalSpeakers.status, "declined")));
  const byProposal = new Map<string, Person[]>();
  for (const s of speakers) byProposal.set(s.proposalId, [...(byProposal.get(s.proposalId) ?? []), { userId: s.userId, email: s.email, affiliation: s.affiliation ?? "" }]);
  // Who each person has spoken with before, at any event.
  const mine = alias(cfpProposalSpeakers, "mine");
  const theirs = alias(cfpProposalSpeakers, "theirs");
  const pairs = await db
    .selectDistinct({ me: mine.userId, other: theirs.userId })
    .from(mine)
    .innerJoin(theirs, eq(theirs.proposalId, mine.proposalId))
    .where(and(inArray(mine.userId, ids), eq(mine.status, "accepted"), eq(theirs.status, "accepted"), sql`${theirs.userId} <> ${mine.userId}`));
  const coSpeakers = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  for (const p of pairs) if (p.me && p.other) coSpeakers.get(p.me)!.add(p.other);
  for (const person of people) {
    const found = out.get(person.userId!)!;
    const member = { ...person, email: person.email.toLowerCase() };
    for (const [proposalId, sp] of byProposal) {
      const why = sp.some((s) => s.email.toLowerCase() === member.email) ? "author" : automaticConflict(member, sp, coSpeakers.get(person.userId!)!);
      if (why) found.set(proposalId, why);
    }
  }
  const declared = await db
    .select({ proposalId: cfpConflicts.proposalId, userId: cfpConflicts.userId, source: cfpConflicts.source })
    .from(cfpConflicts)
    .innerJoin(cfpProposals, eq(cfpProposals.id, cfpConflicts.proposalId))
    .where(and(eq(cfpProposals.eventId, eventId), inArray(cfpConflicts.userId, ids)));
  for (const d of declared) out.get(d.userId)!.set(d.proposalId, d.source);
  const emails = new Map(people.map((p) => [p.email.toLowerCase(), p.userId!]));
  const named = await db
    .select({ proposalId: cfpDeclaredConflicts.proposalId, email: cfpDeclaredConflicts.email })
    .from(cfpDeclaredConflicts)
    .innerJoin(cfpProposals, eq(cfpProposals.id, cfpDeclaredConflicts.proposalId))
    .where(and(eq(cfpProposals.eventId, eventId), inArray(cfpDeclaredConflicts.email, [...emails.keys()])));
  for (const n of named) out.get(emails.get(n.email)!)!.set(n.proposalId, "speaker");
  return out;
}

/** The proposals one person may not see. */
export async function hiddenFrom(db: Db, eventId: string, userId: string): Promise<Set<string>> {
  const person = await personOf(db, userId);
  return new Set((await conflictsOf(db, eventId, [person])).get(userId)!.keys());
}
