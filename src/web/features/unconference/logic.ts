import { useEffect, useRef } from "react";
import type { BoardView, DiffEntry, ProblemView } from "../../../server/features/unconference/schema.js";
import type { Board } from "../../../server/features/unconference/rules.js";
import type { MessageId, Values } from "../../../shared/i18n/catalogue.js";

/**
 * The board pages' pure parts and the live connection: the rules' Board from a view, the
 * slot running now and the next one, cell ids of the grid, problems and diffs in words.
 */
type Tr = (id: MessageId, values?: Values) => string;

export const apiOf = (community: string, event: string) => `/communities/${community}/events/${event}/unconference`;
export const pageOf = (community: string, event: string) => `/communities/${community}/events/${event}/unconference`;

export function boardOf(v: BoardView): Board {
  return {
    slots: v.slots.map((s) => ({ id: s.id, date: s.date, start: Date.parse(s.start), end: Date.parse(s.end), blocked: s.blocked })).sort((a, b) => a.start - b.start),
    areas: v.areas.map((a) => ({ id: a.id, label: a.label, capacity: a.capacity, features: a.features })),
    // The page knows counts, not people: stand-ins keep capacity and clash warnings roughly right.
    topics: v.topics
      .filter((t) => t.state === "open")
      .map((t) => ({ id: t.id, leaders: t.leaders.map((l) => l.id), needs: t.needs, length: t.length, unavailable: t.unavailable, interest: Array.from({ length: t.interest }, (_, i) => `${t.id}:${i}`), mustAttend: [] })),
  };
}

export const cellId = (areaId: string, slotId: string) => `cell|${areaId}|${slotId}`;
export function parseCellId(id: string): { areaId: string; slotId: string } | null {
  const [kind, areaId, slotId] = id.split("|");
  return kind === "cell" && areaId && slotId ? { areaId, slotId } : null;
}

/** The slot running at `now` and the one after it (skipping blocked ones), for the projector. */
export function nowAndNext(v: Pick<BoardView, "slots">, now: number): { current: string | null; next: string | null } {
  const open = v.slots.filter((s) => !s.blocked).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const current = open.find((s) => Date.parse(s.start) <= now && now < Date.parse(s.end)) ?? null;
  const next = open.find((s) => Date.parse(s.start) > now) ?? null;
  return { current: current?.id ?? null, next: next?.id ?? null };
}

export function problemText(p: ProblemView, t: Tr): string {
  return t(`unconference.problems.${p.kind}`);
}

export function diffText(d: DiffEntry, t: Tr, where: (p: { areaId: string; slotId: string } | null) => string): string {
  switch (d.kind) {
    case "unplaced":
      return t("unconference.page.diffUnplaced", { title: d.title, reason: d.reason ?? "" });
    case "removed":
      return t("unconference.page.diffRemoved", { title: d.title });
    case "added":
      return t("unconference.page.diffAdded", { title: d.title, to: where(d.to) });
    case "moved":
      return t("unconference.page.diffMoved", { title: d.title, from: where(d.from), to: where(d.to) });
    default:
      return t("unconference.page.diffKept", { title: d.title, to: where(d.to) });
  }
}

/**
 * Follows the board's live stream: `onVersion` runs for each version published after the
 * one the page shows. EventSource reconnects by itself and sends `Last-Event-ID`, so the
 * server sends exactly what was missed.
 */
export function useLiveBoard(apiBase: string, version: number | null, onVersion: (n: number) => void): void {
  const cb = useRef(onVersion);
  cb.current = onVersion;
  useEffect(() => {
    if (version === null || typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/v1${apiBase}/live?after=${version}`);
    source.addEventListener("version", (e) => cb.current(Number((e as MessageEvent<string>).lastEventId)));
    return () => source.close();
  }, [apiBase, version === null]);
}

/** A demo's time box as the projector shows it: "4:59" counting down, then "+0:12" over time. */
export function countdown(startedAt: string, minutes: number, now: number): { text: string; over: boolean } {
  const left = Math.round((Date.parse(startedAt) + minutes * 60_000 - now) / 1000);
  const abs = Math.abs(left);
  const text = `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
  return left < 0 ? { text: `+${text}`, over: true } : { text, over: false };
}
