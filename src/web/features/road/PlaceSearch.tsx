import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { LIMITS, type PlaceView } from "../../../server/features/road/schema.js";
import { get, query } from "../../app/api.js";
import { CharacterCount, overLimit } from "../../app/forms.js";
import { useI18n } from "../../app/i18n.js";

/**
 * A city field with completion from the server's offline gazetteer (an ARIA 1.2 combobox:
 * arrows move, Enter picks, Escape closes). A misspelling gets the nearest names as
 * suggestions, never an error.
 */
export function PlaceSearch({ label, initial, onPick, hint }: { label: string; initial: string; onPick: (p: PlaceView) => void; hint?: string }) {
  const { t } = useI18n();
  const id = useId().replace(/:/g, "");
  const [text, setText] = useState(initial);
  const [options, setOptions] = useState<PlaceView[]>([]);
  const [suggestions, setSuggestions] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const typed = useRef(false);

  useEffect(() => setText(initial), [initial]);
  useEffect(() => {
    if (!typed.current) return;
    const q = text.trim();
    if (q.length < 2 || overLimit(q, LIMITS.placeQueryMax)) {
      setOptions([]);
      setOpen(false);
      return;
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      get<{ places: PlaceView[]; suggestions: boolean }>(`/places${query({ q, limit: 8 })}`, ctl.signal).then(
        (r) => {
          setOptions(r.places);
          setSuggestions(r.suggestions);
          setOpen(true);
          setActive(r.places.length ? 0 : -1);
          setStatus(r.places.length ? t("road.places.found", { count: r.places.length, similar: r.suggestions ? "yes" : "no" }) : t("road.places.noneCalled", { query: q }));
        },
        () => undefined,
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [text]);

  const pick = (p: PlaceView) => {
    typed.current = false;
    setText(p.label);
    setOpen(false);
    setStatus(t("road.places.chosen", { place: p.label }));
    onPick(p);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" && options.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % options.length);
    } else if (e.key === "ArrowUp" && options.length) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
    } else if (e.key === "Enter" && open && active >= 0 && options[active]) {
      e.preventDefault();
      pick(options[active]!);
    } else if (e.key === "Escape") setOpen(false);
  };
  const listId = `${id}-places`;
  return (
    <div className="field place-search">
      <label htmlFor={`${id}-input`}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-describedby={[hint ? `${id}-hint` : "", `${id}-count`].join(" ").trim()}
        aria-invalid={overLimit(text, LIMITS.placeQueryMax) || undefined}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(e) => {
          typed.current = true;
          setText(e.target.value);
        }}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <CharacterCount id={`${id}-count`} value={text} limit={LIMITS.placeQueryMax} />
      <ul id={listId} role="listbox" className="place-options" hidden={!open} aria-label={t(suggestions ? "road.places.didYouMean" : "road.places.label")}>
        {suggestions && options.length ? (
          <li role="presentation" className="muted small place-note">
            {t("road.places.suggestions")}
          </li>
        ) : null}
        {options.map((p, i) => (
          <li key={p.id} id={`${listId}-${i}`} role="option" aria-selected={i === active} className={i === active ? "active" : undefined} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(p)}>
            {p.label}
          </li>
        ))}
        {open && options.length === 0 ? (
          <li role="presentation" className="muted small place-note">
            {t("road.places.none")}
          </li>
        ) : null}
      </ul>
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </div>
  );
}
