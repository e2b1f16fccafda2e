import { useEffect, useRef, useState } from "react";
import type { Map as LeafletMap } from "leaflet";
import "leaflet/dist/leaflet.css";
import type { TalkView } from "../../../server/features/road/schema.js";
import { useI18n } from "../../app/i18n.js";

/**
 * The talks on an OpenStreetMap map (Leaflet, loaded only when there is something to show).
 * When the tiles cannot load (no network, a blocked tile server) the map gives way to a
 * note: the list below it always holds every talk, and is what keyboard and screen-reader
 * users (and the tests) use.
 */
export function TalkMap({ talks, origin }: { talks: TalkView[]; origin: { latitude: number; longitude: number; label: string } | null }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const located = talks.filter((t) => t.event.latitude !== null && t.event.longitude !== null);
  const key = JSON.stringify([located.map((t) => t.id), origin]);

  useEffect(() => {
    if (!box.current || located.length === 0) return;
    let map: LeafletMap | undefined;
    let cancelled = false;
    void (async () => {
      const L = await import("leaflet");
      if (cancelled || !box.current) return;
      map = L.map(box.current, { scrollWheelZoom: false, attributionControl: true });
      const tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", { maxZoom: 18, attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors' });
      let loaded = false;
      tiles.on("tileload", () => (loaded = true));
      tiles.on("tileerror", () => {
        if (!loaded) setFailed(true);
      });
      tiles.addTo(map);
      const points: [number, number][] = [];
      for (const talk of located) {
        const p: [number, number] = [talk.event.latitude!, talk.event.longitude!];
        points.push(p);
        L.circleMarker(p, { radius: 8, color: "#24529b", weight: 2, fillOpacity: 0.6 })
          .bindTooltip(t("road.map.tooltip", { title: talk.title, event: talk.event.name, city: talk.event.city }))
          .addTo(map);
      }
      if (origin) {
        points.push([origin.latitude, origin.longitude]);
        L.circleMarker([origin.latitude, origin.longitude], { radius: 6, color: "#b42318", weight: 2, fillOpacity: 0.9 }).bindTooltip(origin.label).addTo(map);
      }
      map.fitBounds(L.latLngBounds(points).pad(0.2), { maxZoom: 9 });
    })().catch(() => setFailed(true));
    return () => {
      cancelled = true;
      map?.remove();
    };
    // The key stands for the talks and the origin.
  }, [key]);

  if (located.length === 0) return null;
  if (failed)
    return (
      <p className="notice notice-info map-fallback" role="status">
        {t("road.map.failed")}
      </p>
    );
  return (
    <div className="talk-map" ref={box} role="img" aria-label={t("road.map.label", { count: located.length })} />
  );
}
