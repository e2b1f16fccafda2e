import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { FIXED_KINDS, type BoardVisibility } from "../../../server/features/unconference/rules.js";
import { structureBody, type StructureView } from "../../../server/features/unconference/schema.js";
import { api, get, patch } from "../../app/api.js";
import { CheckboxField, ErrorSummary, SelectField, Status, SubmitButton, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { Loading, PageError, PageHeader } from "../../app/layout.js";
import { apiOf, pageOf } from "./logic.js";

/**
 * The organisers' structure page: days, slots, work areas and fixed items edited as rows and
 * saved as a whole (the server refuses the lot, naming the row and field, or saves it all),
 * and who may see the board.
 */
type Row = Record<string, string>;

export function StructurePage() {
  const { t } = useI18n();
  const { community = "", event = "" } = useParams();
  const base = apiOf(community, event);
  const [state, , set] = useLoad((signal) => get<StructureView>(`${base}/structure`, signal), [base]);
  useTitle(t("unconference.structure.title"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("unconference.page.what")} />;
  return <StructureForm s={state.data} base={base} back={pageOf(community, event)} onSaved={set} />;
}

function StructureForm({ s, base, back, onSaved }: { s: StructureView; base: string; back: string; onSaved: (s: StructureView) => void }) {
  const F = "structure";
  const { t } = useI18n();
  const [days, setDays] = useState<Row[]>(s.days.length ? s.days : [{ date: s.event.startDate, startTime: "09:00", endTime: "17:00" }]);
  const [slots, setSlots] = useState<Row[]>(s.slots.map(({ id, date, startTime, endTime }) => ({ id, date, startTime, endTime })));
  const [areas, setAreas] = useState<Row[]>(s.areas.map((a) => ({ id: a.id, label: a.label, capacity: String(a.capacity), features: a.features.join(", ") })));
  const [fixed, setFixed] = useState<Row[]>(s.fixed.map(({ date, startTime, endTime, kind, title }) => ({ date, startTime, endTime, kind, title })));
  const [saved, setSaved] = useState(false);
  const { busy, errors, run } = useSubmit(["days", "slots", "areas", "fixed"]);
  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      const body = check(structureBody, {
        days,
        slots: slots.map(({ id, ...r }) => (id ? { id, ...r } : r)),
        areas: areas.map(({ id, label, capacity, features }) => ({ ...(id ? { id } : {}), label, capacity: Number(capacity), features: (features ?? "").split(",").map((x) => x.trim()).filter(Boolean) })),
        fixed,
      });
      onSaved(await api<StructureView>("PUT", `${base}/structure`, body));
      setSaved(true);
    });
  };
  const setVisibility = (visibility: BoardVisibility) => void patch<StructureView>(`${base}/settings`, { visibility }).then(onSaved);
  const date = t("unconference.structure.date");
  const from = t("unconference.structure.from");
  const to = t("unconference.structure.to");
  return (
    <div className="wrap unconference-structure">
      <nav aria-label={t("unconference.page.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={back}>{t("unconference.page.title")}</Link>
          </li>
          <li aria-current="page">{t("unconference.structure.title")}</li>
        </ol>
      </nav>
      <PageHeader title={t("unconference.structure.title")} eyebrow={s.event.name} />
      <SelectField form="visibility" name="visibility" label={t("unconference.structure.visibility")} value={s.visibility} onChange={(e) => setVisibility(e.target.value as BoardVisibility)} options={[{ value: "public", label: t("unconference.structure.public") }, { value: "attendees", label: t("unconference.structure.attendees") }]} />
      {s.days.map((d) => (
        <CheckboxField
          key={d.date}
          form="closed"
          name={d.date}
          label={t("unconference.structure.closed", { date: d.date })}
          checked={s.closedDates.includes(d.date)}
          onChange={(e) => void patch<StructureView>(`${base}/settings`, { closedDates: e.target.checked ? [...s.closedDates, d.date] : s.closedDates.filter((x) => x !== d.date) }).then(onSaved)}
        />
      ))}
      <form className="stack" onSubmit={save} noValidate aria-label={t("unconference.structure.title")}>
        <ErrorSummary form={F} errors={errors} labels={{ days: t("unconference.structure.days"), slots: t("unconference.structure.slots"), areas: t("unconference.structure.areas"), fixed: t("unconference.structure.fixed") }} />
        {saved ? <Status>{t("unconference.structure.saved")}</Status> : null}
        <Rows form={F} name="days" title={t("unconference.structure.days")} rows={days} setRows={setDays} fresh={{ date: s.event.startDate, startTime: "09:00", endTime: "17:00" }} fields={[["date", date, "date"], ["startTime", from, "time"], ["endTime", to, "time"]]} errors={errors.fields} />
        <Rows form={F} name="slots" title={t("unconference.structure.slots")} rows={slots} setRows={setSlots} fresh={{ date: days[0]?.date ?? s.event.startDate, startTime: "09:30", endTime: "10:30" }} fields={[["date", date, "date"], ["startTime", from, "time"], ["endTime", to, "time"]]} errors={errors.fields} />
        <Rows form={F} name="areas" title={t("unconference.structure.areas")} rows={areas} setRows={setAreas} fresh={{ label: String(areas.length + 1), capacity: "10", features: "" }} fields={[["label", t("unconference.structure.label"), "text"], ["capacity", t("unconference.structure.capacity"), "number"], ["features", t("unconference.structure.features"), "text"]]} errors={errors.fields} />
        <Rows form={F} name="fixed" title={t("unconference.structure.fixed")} rows={fixed} setRows={setFixed} fresh={{ date: days[0]?.date ?? s.event.startDate, startTime: "12:30", endTime: "13:30", kind: "lunch", title: t("unconference.structure.lunch") }} fields={[["date", date, "date"], ["startTime", from, "time"], ["endTime", to, "time"], ["kind", t("unconference.structure.kind"), FIXED_KINDS], ["title", t("unconference.structure.itemTitle"), "text"]]} errors={errors.fields} />
        <SubmitButton busy={busy}>{t("unconference.structure.save")}</SubmitButton>
      </form>
      <p className="muted small">{t("unconference.page.zone", { zone: s.event.timeZone })}</p>
    </div>
  );
}

/** A list of rows of small fields, each row removable, with an "add" button; errors come back as `name.i.field`. */
function Rows({ form, name, title, rows, setRows, fresh, fields, errors }: { form: string; name: string; title: string; rows: Row[]; setRows: (r: Row[]) => void; fresh: Row; fields: [string, string, string | readonly string[]][]; errors: Record<string, string | undefined> }) {
  const { t } = useI18n();
  const setField = (i: number, k: string, v: string) => setRows(rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  return (
    <fieldset className="card stack">
      <legend>{title}</legend>
      {rows.map((r, i) => (
        <div key={i} className="inline-form">
          {fields.map(([k, label, type]) =>
            typeof type === "string" ? (
              <TextField key={k} form={form} name={`${name}.${i}.${k}`} label={label} type={type} value={r[k] ?? ""} onChange={(e) => setField(i, k, e.target.value)} error={errors[`${name}.${i}.${k}`]} />
            ) : (
              <SelectField key={k} form={form} name={`${name}.${i}.${k}`} label={label} value={r[k] ?? ""} onChange={(e) => setField(i, k, e.target.value)} options={type.map((v) => ({ value: v, label: t(`unconference.structure.kind.${v as (typeof FIXED_KINDS)[number]}`) }))} />
            ),
          )}
          <button type="button" className="link-button danger" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {t("unconference.structure.remove")}
          </button>
        </div>
      ))}
      <button type="button" className="button secondary" onClick={() => setRows([...rows, fresh])}>
        {t("unconference.structure.add", { what: title })}
      </button>
    </fieldset>
  );
}
