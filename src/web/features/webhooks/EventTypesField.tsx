import type { EventTypeView } from "../../../server/features/webhooks/schema.js";
import type { MessageId } from "../../../shared/i18n/catalogue.js";
import { fieldId } from "../../app/forms.js";
import { knows, useI18n } from "../../app/i18n.js";
import { groupEventTypes, groupId, typeSummaryId } from "./logic.js";

/**
 * The event types an endpoint subscribes to: one fieldset per group (invitation requests,
 * stipends, …), a checkbox per type with its summary, and a button that ticks or clears
 * the whole group. The first checkbox carries the field's id, so the error summary's link
 * lands on it.
 */
export function EventTypesField({ form, types, value, onChange, error }: { form: string; types: readonly EventTypeView[]; value: readonly string[]; onChange: (v: string[]) => void; error?: string | undefined }) {
  const { t } = useI18n();
  // A type or group the catalogue does not know yet (a feature's new one) shows the server's English.
  const summary = (type: EventTypeView) => (knows(typeSummaryId(type.type)) ? t(typeSummaryId(type.type) as MessageId) : type.summary);
  const groupName = (key: string) => (knows(groupId(key)) ? t(groupId(key) as MessageId) : key);
  const selected = new Set(value);
  const errorId = error ? `${fieldId(form, "eventTypes")}-error` : undefined;
  let first = true;
  return (
    <div className={`field${error ? " field-invalid" : ""}`} role="group" aria-labelledby={`${form}-types-label`} aria-describedby={errorId}>
      <p className="field-label" id={`${form}-types-label`}>
        <strong>{t("webhooks.form.eventTypes")}</strong>
      </p>
      <p className="hint">{t("webhooks.form.eventTypesHint")}</p>
      {error ? (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">{t("common.errorPrefix")} </span>
          {error}
        </p>
      ) : null}
      {groupEventTypes(types).map((g) => {
        const label = groupName(g.key);
        const all = g.types.every((et) => selected.has(et.type));
        const toggleAll = () => {
          const next = new Set(selected);
          for (const et of g.types) {
            if (all) next.delete(et.type);
            else next.add(et.type);
          }
          onChange([...next]);
        };
        return (
          <fieldset key={g.key} className="card stack">
            <legend>{label}</legend>
            <p>
              <button type="button" className="link-button" onClick={toggleAll}>
                {t(all ? "webhooks.form.clearGroup" : "webhooks.form.chooseGroup", { group: label })}
              </button>
            </p>
            <div className="grid-2">
              {g.types.map((et) => {
                const id = first ? fieldId(form, "eventTypes") : `${form}-type-${et.type.replace(/\W/g, "-")}`;
                first = false;
                return (
                  <div key={et.type} className="field field-check">
                    <input
                      type="checkbox"
                      id={id}
                      checked={selected.has(et.type)}
                      aria-describedby={`${id}-hint`}
                      onChange={(e) => {
                        const next = new Set(selected);
                        if (e.target.checked) next.add(et.type);
                        else next.delete(et.type);
                        onChange([...next]);
                      }}
                    />
                    <div>
                      <label htmlFor={id}>{summary(et)}</label>
                      <p className="hint" id={`${id}-hint`}>
                        <code className="small">{et.type}</code>
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
