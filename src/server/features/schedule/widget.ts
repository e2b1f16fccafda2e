import type { Programme } from "../../platform/programme.js";
import { translator } from "../../../shared/i18n/catalogues.js";
import { formatDate, formatInstant } from "../../../shared/i18n/format.js";
import type { Locale } from "../../../shared/i18n/locales.js";
import { instantToZonedLocal } from "../../../shared/time.js";

/**
 * The embeddable widget: a small page of one day's sessions (now and next marked) that a
 * community's own site shows in an iframe, written by `widget.js` with one script tag.
 * Rendered on the server with every value escaped. Its one script is `widget.js` again (same
 * origin, so the page's `script-src 'self'` allows it), which inside the frame reports the
 * page's height to the host page by postMessage, and in the host page sizes the iframe to it.
 */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function widgetHtml(p: Programme, locale: Locale, now: Date, day: string | undefined, scriptUrl: string): string {
  const { t } = translator(locale);
  const tr = translator(locale);
  const zone = p.event.timeZone;
  const dateOf = (d: Date) => instantToZonedLocal(d, zone).slice(0, 10);
  const dates = [...new Set(p.items.map((i) => dateOf(i.start)))].sort();
  const today = dateOf(now);
  const shown = day && dates.includes(day) ? day : dates.includes(today) ? today : (dates.find((d) => d > today) ?? dates[0] ?? today);
  const rooms = new Map(p.rooms.map((r) => [r.id, r.name]));
  const items = p.items.filter((i) => dateOf(i.start) === shown).sort((a, b) => a.start.getTime() - b.start.getTime());
  const nextStart = items.find((i) => i.start > now)?.start.getTime();
  const time = (d: Date) => formatInstant(locale, d, zone, "time", { zone: false });
  const rows = items
    .map((i) => {
      const live = i.start <= now && now < i.end;
      const next = !live && i.start.getTime() === nextStart;
      const badge = live ? `<span class="badge now">${esc(t("schedule.widget.now"))}</span> ` : next ? `<span class="badge next">${esc(t("schedule.widget.next"))}</span> ` : "";
      const people = i.persons.map((x) => x.name).join(", ");
      return `<li${live ? ' class="live"' : ""}><span class="when">${time(i.start)}–${time(i.end)}</span><span class="what">${badge}<a href="${esc(i.url)}" target="_blank" rel="noopener">${esc(i.title)}</a>${people ? `<span class="who">${esc(people)}</span>` : ""}</span><span class="where">${esc(rooms.get(i.roomId) ?? "")}</span></li>`;
    })
    .join("");
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(tr.t("schedule.widget.title", { event: p.event.title }))}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:0;padding:.75rem;color:#1a1a1a;background:#fff}h1{font-size:1rem;margin:0 0 .25rem}p{margin:0 0 .5rem;color:#555}ol{list-style:none;margin:0;padding:0}li{display:grid;grid-template-columns:7.5em 1fr auto;gap:.5rem;padding:.4rem 0;border-top:1px solid #ddd}li.live{background:#eef6ee}.who{display:block;color:#555}.where{color:#555}.badge{font-size:.75rem;font-weight:600;padding:0 .3em;border-radius:3px}.now{background:#1f6f2a;color:#fff}.next{background:#0b4f8a;color:#fff}a{color:#0b4f8a}</style>
</head><body><h1><a href="${esc(p.event.url)}/schedule" target="_blank" rel="noopener">${esc(p.event.title)}</a></h1><p>${esc(tr.t("schedule.widget.day", { date: formatDate(locale, shown, "weekday"), zone }))}</p>${items.length ? `<ol>${rows}</ol>` : `<p>${esc(t("schedule.widget.empty"))}</p>`}<script src="${esc(scriptUrl)}" data-plenary-frame async></script></body></html>`;
}

/**
 * The one-line embed: `<script src=".../schedule/widget.js" async></script>` puts the widget's
 * iframe where the tag is, as tall as the day's list (the frame says how tall by postMessage;
 * only messages from that frame and the widget's origin are heard). `data-height` fixes the
 * height instead. Loaded inside the frame (`data-plenary-frame`), it is the side that reports.
 */
export function widgetScript(widgetUrl: string, title: string): string {
  return `(function(){var s=document.currentScript;if(!s)return;
if(s.hasAttribute("data-plenary-frame")){var last=0,send=function(){var h=document.documentElement.scrollHeight;if(h!==last){last=h;parent.postMessage({plenaryWidget:"height",height:h},"*");}};addEventListener("load",send);addEventListener("resize",send);if(window.ResizeObserver)new ResizeObserver(send).observe(document.body);send();return;}
var u=${JSON.stringify(widgetUrl)},o=new URL(u).origin,f=document.createElement("iframe"),l=s.getAttribute("data-lang"),fixed=parseInt(s.getAttribute("data-height")||"",10);f.src=u+(l?"?lang="+encodeURIComponent(l):"");f.title=${JSON.stringify(title)};f.loading="lazy";f.style.cssText="width:100%;border:0;height:"+(fixed>0?fixed:480)+"px";
if(!(fixed>0))addEventListener("message",function(e){var d=e.data;if(e.source===f.contentWindow&&e.origin===o&&d&&d.plenaryWidget==="height"&&typeof d.height==="number")f.style.height=Math.min(Math.max(Math.round(d.height),80),10000)+"px";});
s.parentNode.insertBefore(f,s.nextSibling);})();
`;
}
