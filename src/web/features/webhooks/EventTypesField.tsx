import type { EventTypeView } from "../../../server/features/webhooks/schema.js";
import { fieldId } from "../../app/forms.js";
import { groupEventTypes, verbOf } from "./logic.js";

/**
 * The event types an endpoint subscribes to: one fieldset per group (invitation requests,
 * stipends, …), a checkbox per type with its summary, and a button that ticks or clears
 * the whole group. The first checkbox carries the field's id, so the error summary's link
 * lands on it.
 */
export function EventTypesField({ form, types, value, onChange, error }: { form: string; types: readonly EventTypeView[]; value: readonly string[]; onChange: (v: string[]) => void; error?: string | undefined }) {
  const selected = new Set(value);
  const errorId = error ? `${fieldId(form, "eventTypes")}-error` : undefined;
  let first = true;
  return (
    <div className={`field${error ? " field-invalid" : ""}`} role="group" aria-labelledby={`${form}-types-label`} aria-describedby={errorId}>
      <p className="field-label" id={`${form}-types-label`}>
        <strong>Event types</strong>
      </p>
      <p className="hint">Each delivery is one event; choose those the receiver needs. The payload of each is documented in the API reference.</p>
      {error ? (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {groupEventTypes(types).map((g) => {
        const all = g.types.every((t) => selected.has(t.type));
        const toggleAll = () => {
          const next = new Set(selected);
          for (const t of g.types) {
            if (all) next.delete(t.type);
            else next.add(t.type);
          }
          onChange([...next]);
        };
        return (
          <fieldset key={g.key} className="card stack">
            <legend>{g.label}</legend>
            <p>
              <button type="button" className="link-button" onClick={toggleAll}>
                {all ? "Clear" : "Choose all"}
                <span className="visually-hidden"> {g.label.toLowerCase()}</span>
              </button>
            </p>
            <div className="grid-2">
              {g.types.map((t) => {
                const id = first ? fieldId(form, "eventTypes") : `${form}-type-${t.type.replace(/\W/g, "-")}`;
                first = false;
                return (
                  <div key={t.type} className="field field-check">
                    <input
                      type="checkbox"
                      id={id}
                      checked={selected.has(t.type)}
                      aria-describedby={`${id}-hint`}
                      onChange={(e) => {
                        const next = new Set(selected);
                        if (e.target.checked) next.add(t.type);
                        else next.delete(t.type);
                        onChange([...next]);
                      }}
                    />
                    <div>
                      <label htmlFor={id}>
                        {verbOf(t.type)} <code className="small">{t.type}</code>
                      </label>
                      <p className="hint" id={`${id}-hint`}>
                        {t.summary}
                      </p>
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
