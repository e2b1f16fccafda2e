import { useCallback, useEffect, useState } from "react";
import type { FavouritesView } from "../../../server/features/schedule/schema.js";
import { api, get } from "../../app/api.js";
import { useSession } from "../../app/session.js";

/**
 * A person's favourite sessions at one event: kept in this browser (localStorage) for
 * everyone, and on the account for whoever is signed in; signing in merges what the browser
 * kept into the account once, then both stay the same.
 */
const key = (eventId: string) => `plenary.schedule.favourites.${eventId}`;

function readLocal(eventId: string): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(key(eventId)) ?? "[]") as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}
const writeLocal = (eventId: string, ids: readonly string[]) => localStorage.setItem(key(eventId), JSON.stringify(ids));

export function useFavourites(eventId: string | null, apiBase: string) {
  const { user } = useSession();
  const [ids, setIds] = useState<string[]>(() => (eventId ? readLocal(eventId) : []));
  const [calendarUrl, setCalendarUrl] = useState<string | null>(null);

  useEffect(() => {
    if (!eventId) return;
    const local = readLocal(eventId);
    setIds(local);
    if (!user) return setCalendarUrl(null);
    let cancelled = false;
    void (async () => {
      const mine = await get<FavouritesView>(`${apiBase}/schedule/favourites`);
      const merged = [...new Set([...mine.sessionIds, ...local])];
      const saved = merged.length !== mine.sessionIds.length ? await api<FavouritesView>("PUT", `${apiBase}/schedule/favourites`, { sessionIds: merged }) : mine;
      if (cancelled) return;
      writeLocal(eventId, saved.sessionIds);
      setIds(saved.sessionIds);
      setCalendarUrl(saved.calendarUrl);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [eventId, user, apiBase]);

  const toggle = useCallback(
    (id: string) => {
      if (!eventId) return;
      setIds((prev) => {
        const next = prev.includes(id) ? prev.filter((x) => x !== id) : [...prev, id];
        writeLocal(eventId, next);
        if (user) void api("PUT", `${apiBase}/schedule/favourites`, { sessionIds: next }).catch(() => undefined);
        return next;
      });
    },
    [eventId, user, apiBase],
  );
  return { ids, toggle, calendarUrl, signedIn: !!user };
}
