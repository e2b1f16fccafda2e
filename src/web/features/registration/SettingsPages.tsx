import { useEffect, useState, type FormEvent } from "react";
import type { EventDetail } from "../../../server/features/events/schema.js";
import { api, del, get, post } from "../../app/api.js";
import { instantToLocalInput, localInputToInstant } from "../../app/dates.js";
import { ApiError, validationError, type IssueLike } from "../../app/errors.js";
import { CheckboxField, ErrorSummary, Status, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { useLoad, useSubmit } from "../../app/hooks.js";
import { Loading, PageError } from "../../app/layout.js";
import { OrganiserShell } from "./common.js";
import { minorDigits, minorToMajorString, parseHolidays, parseMajor } from "./logic.js";
import type { PreviewView, Settings, TemplateList, TemplateName, TemplateView } from "./types.js";

const F = "reg-settings";
const LABELS = {
  capacity: "Places",
  opensAt: "Requests open",
  closesAt: "Requests close",
  responseBusinessDays: "Answer within (business days)",
  holidays: "Holidays",
  confirmationDays: "Days to confirm an invitation",
  feeAmount: "Fee",
  feeCurrency: "Fee currency",
  feeInstructions: "Payment instructions",
  beneficiaryName: "Beneficiary",
  beneficiaryUrl: "Beneficiary’s website",
  waiversAllowed: "Fee waivers",
  stipendBudget: "Stipend budget",
  stipendCurrency: "Stipend currency",
  questions: "Questions",
} as const;
type Field = keyof typeof LABELS;
const KNOWN = Object.keys(LABELS);

interface Extra {
  id: string;
  label: string;
  required: boolean;
  maxLength: number;
}

export function RegistrationSettingsPage() {
  return <OrganiserShell titleId="registration.settings.title">{(e, p) => <SettingsLoader api={p.api} event={e} />}</OrganiserShell>;
}

function SettingsLoader({ api: base, event }: { api: string; event: EventDetail }) {
  const [state, , setData] = useLoad(
    (signal) =>
      get<Settings>(`${base}/settings`, signal).catch((err: unknown) => {
        if (err instanceof ApiError && err.code === "registration_not_set_up") return null;
        throw err;
      }),
    [base],
  );
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what="Registration settings" />;
  return <SettingsForm base={base} zone={event.timeZone} s={state.data} onSaved={setData} />;
}

function SettingsForm({ base, zone, s, onSaved }: { base: string; zone: string; s: Settings | null; onSaved: (s: Settings) => void }) {
  const feeCurrency0 = s?.feeCurrency ?? "USD";
  const stipendCurrency0 = s?.stipendCurrency ?? "USD";
  const [v, setV] = useState({
    capacity: s ? String(s.capacity) : "",
    opensAt: s ? instantToLocalInput(s.opensAt, zone) : "",
    closesAt: s ? instantToLocalInput(s.closesAt, zone) : "",
    responseBusinessDays: String(s?.responseBusinessDays ?? 5),
    holidays: (s?.holidays ?? []).join("\n"),
    confirmationDays: String(s?.confirmationDays ?? 7),
    feeAmount: minorToMajorString(s?.feeAmount ?? 0, minorDigits(feeCurrency0)),
    feeCurrency: feeCurrency0,
    feeInstructions: s?.feeInstructions ?? "",
    beneficiaryName: s?.beneficiaryName ?? "",
    beneficiaryUrl: s?.beneficiaryUrl ?? "",
    waiversAllowed: s?.waiversAllowed ?? false,
    stipendBudget: minorToMajorString(s?.stipendBudget ?? 0, minorDigits(stipendCurrency0)),
    stipendCurrency: stipendCurrency0,
    affiliation: s?.questions.affiliation ?? true,
    stipend: s?.questions.stipend ?? true,
  });
  const [extra, setExtra] = useState<Extra[]>(s?.questions.extra ?? []);
  const [saved, setSaved] = useState("");
  const { busy, errors, run } = useSubmit(KNOWN);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const err = (k: Field) => errors.fields[k];

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    setSaved("");
    void run(async () => {
      const issues: IssueLike[] = [];
      const int = (k: Field, raw: string) => {
        if (!/^\d+$/.test(raw.trim())) issues.push({ path: [k], message: "Use a whole number." });
        return Number.parseInt(raw, 10);
      };
      const opensAt = localInputToInstant(v.opensAt, zone);
      const closesAt = localInputToInstant(v.closesAt, zone);
      if (!opensAt) issues.push({ path: ["opensAt"], message: "Give the date and time requests open." });
      if (!closesAt) issues.push({ path: ["closesAt"], message: "Give the date and time requests close." });
      if (opensAt && closesAt && Date.parse(opensAt) >= Date.parse(closesAt)) issues.push({ path: ["closesAt"], message: "The request window must close after it opens." });
      const { dates, bad } = parseHolidays(v.holidays);
      if (bad.length) issues.push({ path: ["holidays"], message: `Not dates (use YYYY-MM-DD): ${bad.slice(0, 5).join(", ")}.` });
      const cur = (k: "feeCurrency" | "stipendCurrency") => {
        const c = v[k].trim().toUpperCase();
        if (!/^[A-Z]{3}$/.test(c)) issues.push({ path: [k], message: "Use a three-letter ISO 4217 currency code such as USD." });
        return c;
      };
      const feeCurrency = cur("feeCurrency");
      const stipendCurrency = cur("stipendCurrency");
      const feeAmount = parseMajor(v.feeAmount || "0", minorDigits(feeCurrency));
      if (feeAmount === null) issues.push({ path: ["feeAmount"], message: `Give the amount in ${feeCurrency}, e.g. 15.00 (at most ${minorDigits(feeCurrency)} decimals).` });
      const stipendBudget = parseMajor(v.stipendBudget || "0", minorDigits(stipendCurrency));
      if (stipendBudget === null) issues.push({ path: ["stipendBudget"], message: `Give the amount in ${stipendCurrency}, e.g. 2000.00.` });
      extra.forEach((q, i) => {
        if (!/^[a-z][a-z0-9_]{0,39}$/.test(q.id)) issues.push({ path: ["questions"], message: `Question ${i + 1}: the id uses lower-case letters, digits and _ (start with a letter).` });
        if (!q.label.trim()) issues.push({ path: ["questions"], message: `Question ${i + 1}: enter the question.` });
      });
      const body = {
        capacity: int("capacity", v.capacity),
        opensAt,
        closesAt,
        responseBusinessDays: int("responseBusinessDays", v.responseBusinessDays),
        holidays: dates,
        confirmationDays: int("confirmationDays", v.confirmationDays),
        feeAmount,
        feeCurrency,
        feeInstructions: v.feeInstructions,
        beneficiaryName: v.beneficiaryName.trim(),
        beneficiaryUrl: v.beneficiaryUrl.trim() || null,
        waiversAllowed: v.waiversAllowed,
        stipendBudget,
        stipendCurrency,
        questions: { affiliation: v.affiliation, stipend: v.stipend, extra: extra.map((q) => ({ ...q, label: q.label.trim() })) },
      };
      if (issues.length) throw validationError(issues);
      onSaved(await api<Settings>("PUT", `${base}/settings`, body));
      setSaved("The registration settings are saved.");
    });
  };
  return (
    <form className="card form-wide" aria-label="Registration settings" onSubmit={onSubmit} noValidate>
      <ErrorSummary form={F} errors={errors} labels={LABELS} />
      {!s ? <Status tone="info">Registration is not set up for this event yet: give at least the places and the request window.</Status> : null}
      <fieldset>
        <legend>Places and window</legend>
        <TextField form={F} name="capacity" label={LABELS.capacity} inputMode="numeric" value={v.capacity} onChange={set("capacity")} error={err("capacity")} />
        <div className="grid-2">
          <TextField form={F} name="opensAt" type="datetime-local" label={LABELS.opensAt} hint={`In the event’s zone, ${zone}.`} value={v.opensAt} onChange={set("opensAt")} error={err("opensAt")} />
          <TextField form={F} name="closesAt" type="datetime-local" label={LABELS.closesAt} hint={`In the event’s zone, ${zone}.`} value={v.closesAt} onChange={set("closesAt")} error={err("closesAt")} />
        </div>
        <div className="grid-2">
          <TextField form={F} name="responseBusinessDays" label={LABELS.responseBusinessDays} hint="Monday to Friday, minus the holidays below." inputMode="numeric" value={v.responseBusinessDays} onChange={set("responseBusinessDays")} error={err("responseBusinessDays")} />
          <TextField form={F} name="confirmationDays" label={LABELS.confirmationDays} hint="After this, the invitation expires." inputMode="numeric" value={v.confirmationDays} onChange={set("confirmationDays")} error={err("confirmationDays")} />
        </div>
        <TextArea form={F} name="holidays" label={LABELS.holidays} hint="Days that do not count as business days: one YYYY-MM-DD per line." rows={3} value={v.holidays} onChange={set("holidays")} error={err("holidays")} />
      </fieldset>
      <fieldset>
        <legend>Fee</legend>
        <div className="grid-2">
          <TextField form={F} name="feeAmount" label={LABELS.feeAmount} hint="In major units, e.g. 15.00; 0 for no fee." inputMode="decimal" value={v.feeAmount} onChange={set("feeAmount")} error={err("feeAmount")} />
          <TextField form={F} name="feeCurrency" label={LABELS.feeCurrency} hint="Three letters, e.g. USD." maxLength={3} value={v.feeCurrency} onChange={(e) => setV((x) => ({ ...x, feeCurrency: e.target.value.toUpperCase() }))} error={err("feeCurrency")} />
        </div>
        <div className="grid-2">
          <TextField form={F} name="beneficiaryName" label={LABELS.beneficiaryName} hint="Who receives the fees." value={v.beneficiaryName} onChange={set("beneficiaryName")} error={err("beneficiaryName")} maxLength={200} />
          <TextField form={F} name="beneficiaryUrl" label={LABELS.beneficiaryUrl} hint="Optional." type="url" value={v.beneficiaryUrl} onChange={set("beneficiaryUrl")} error={err("beneficiaryUrl")} />
        </div>
        <TextArea form={F} name="feeInstructions" label={LABELS.feeInstructions} hint="Shown to invited people and in the invitation mail." rows={3} value={v.feeInstructions} onChange={set("feeInstructions")} error={err("feeInstructions")} maxLength={4000} />
        <CheckboxField form={F} name="waiversAllowed" label="Organisers may waive the fee" checked={v.waiversAllowed} onChange={(e) => setV((x) => ({ ...x, waiversAllowed: e.target.checked }))} error={err("waiversAllowed")} />
      </fieldset>
      <fieldset>
        <legend>Travel stipends</legend>
        <div className="grid-2">
          <TextField form={F} name="stipendBudget" label={LABELS.stipendBudget} hint="In major units; 0 for none." inputMode="decimal" value={v.stipendBudget} onChange={set("stipendBudget")} error={err("stipendBudget")} />
          <TextField form={F} name="stipendCurrency" label={LABELS.stipendCurrency} maxLength={3} value={v.stipendCurrency} onChange={(e) => setV((x) => ({ ...x, stipendCurrency: e.target.value.toUpperCase() }))} error={err("stipendCurrency")} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Questions</legend>
        <p className="hint">Everyone is asked what they want to work on.</p>
        <CheckboxField form={F} name="q-affiliation" label="Ask for an affiliation" checked={v.affiliation} onChange={(e) => setV((x) => ({ ...x, affiliation: e.target.checked }))} />
        <CheckboxField form={F} name="q-stipend" label="Ask whether they need a travel stipend" checked={v.stipend} onChange={(e) => setV((x) => ({ ...x, stipend: e.target.checked }))} />
        {err("questions") ? (
          <p className="field-error" id={`${F}-questions`} tabIndex={-1}>
            {err("questions")}
          </p>
        ) : null}
        {extra.map((q, i) => (
          <div className="extra-question" key={i} role="group" aria-label={`Extra question ${i + 1}`}>
            <TextField form={F} name={`extra-${i}-label`} label={`Question ${i + 1}`} value={q.label} onChange={(e) => setExtra((xs) => xs.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))} maxLength={300} />
            <div className="grid-2">
              <TextField form={F} name={`extra-${i}-id`} label="Id" hint="Lower-case letters, digits, _." value={q.id} onChange={(e) => setExtra((xs) => xs.map((x, j) => (j === i ? { ...x, id: e.target.value } : x)))} maxLength={40} />
              <TextField form={F} name={`extra-${i}-max`} label="Longest answer (characters)" inputMode="numeric" value={String(q.maxLength)} onChange={(e) => setExtra((xs) => xs.map((x, j) => (j === i ? { ...x, maxLength: Number.parseInt(e.target.value, 10) || 1 } : x)))} />
            </div>
            <div className="button-row">
              <CheckboxField form={F} name={`extra-${i}-required`} label="An answer is required" checked={q.required} onChange={(e) => setExtra((xs) => xs.map((x, j) => (j === i ? { ...x, required: e.target.checked } : x)))} />
              <button type="button" className="button small danger-outline" onClick={() => setExtra((xs) => xs.filter((_, j) => j !== i))}>
                Remove question {i + 1}
              </button>
            </div>
          </div>
        ))}
        <button type="button" className="button small secondary" onClick={() => setExtra((xs) => [...xs, { id: `question_${xs.length + 1}`, label: "", required: false, maxLength: 500 }])}>
          Add a question
        </button>
      </fieldset>
      <div className="form-actions">
        <SubmitButton busy={busy} busyLabel="Saving…">
          Save settings
        </SubmitButton>
        <Status>{saved}</Status>
      </div>
    </form>
  );
}

const TEMPLATE_LABEL: Record<TemplateName, string> = {
  "registration.invited": "Invitation",
  "registration.waitlisted": "Waiting list",
  "registration.declined": "Declined",
  "registration.cancelled": "Cancelled",
  "registration.confirmed": "Place confirmed",
  "registration.reminder": "Reminder to confirm",
  "registration.expired": "Invitation expired",
};

export function RegistrationTemplatesPage() {
  return <OrganiserShell titleId="registration.templates.title">{(_e, p) => <Templates base={p.api} />}</OrganiserShell>;
}

function Templates({ base }: { base: string }) {
  const [state, , setData] = useLoad((signal) => get<TemplateList>(`${base}/templates`, signal), [base]);
  const [selected, setSelected] = useState<string | null>(null);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what="The email templates" />;
  const list = state.data.templates;
  const key = (t: TemplateView) => `${t.template}:${t.locale}`;
  const current = list.find((t) => key(t) === selected) ?? list[0];
  return (
    <div className="templates-layout">
      <nav aria-label="Templates" className="card template-list">
        <ul className="plain-list">
          {list.map((t) => (
            <li key={key(t)}>
              <button type="button" className={`link-button${current && key(current) === key(t) ? " current" : ""}`} aria-current={current && key(current) === key(t) ? "true" : undefined} onClick={() => setSelected(key(t))}>
                {TEMPLATE_LABEL[t.template]} ({t.locale})
              </button>{" "}
              {t.custom ? <span className="badge badge-ok">Custom</span> : <span className="badge">Built in</span>}
            </li>
          ))}
        </ul>
      </nav>
      {current ? <TemplateEditor key={key(current)} base={base} t={current} onSaved={setData} /> : <p className="empty">No templates.</p>}
    </div>
  );
}

function TemplateEditor({ base, t, onSaved }: { base: string; t: TemplateView; onSaved: (l: TemplateList) => void }) {
  const [subject, setSubject] = useState(t.subject);
  const [body, setBody] = useState(t.body);
  const [preview, setPreview] = useState<PreviewView | null>(null);
  const [notice, setNotice] = useState("");
  const { busy, errors, run } = useSubmit(["subject", "body"]);
  const F2 = "template";
  useEffect(() => setPreview(null), [subject, body]);
  useEffect(() => {
    setSubject(t.subject);
    setBody(t.body);
  }, [t.subject, t.body]);
  return (
    <section className="card template-editor" aria-labelledby="tpl-title">
      <h2 id="tpl-title">
        {TEMPLATE_LABEL[t.template]} <span className="muted">({t.locale})</span>
      </h2>
      <ErrorSummary form={F2} errors={errors} labels={{ subject: "Subject", body: "Text" }} />
      <Status>{notice}</Status>
      <p className="hint">
        Variables: {t.variables.map((x) => <code key={x} className="var-chip">{`{{${x}}}`}</code>)} — <code>{"{{link}}"}</code> becomes a button.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setNotice("");
          void run(async () => {
            onSaved(await api<TemplateList>("PUT", `${base}/templates/${t.template}`, { locale: t.locale, subject, body }));
            setNotice("Saved. New mails use this wording.");
          });
        }}
      >
        <TextField form={F2} name="subject" label="Subject" value={subject} onChange={(e) => setSubject(e.target.value)} error={errors.fields.subject} maxLength={300} />
        <TextArea form={F2} name="body" label="Text" rows={10} value={body} onChange={(e) => setBody(e.target.value)} error={errors.fields.body} maxLength={20000} />
        <div className="form-actions">
          <SubmitButton busy={busy}>Save</SubmitButton>
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                setPreview(await post<PreviewView>(`${base}/templates/${t.template}/preview`, { locale: t.locale, subject, body, message: "A personal message from the organisers appears here." }));
              })
            }
          >
            Preview
          </button>
          {t.custom ? (
            <button
              type="button"
              className="button danger-outline"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await del(`${base}/templates/${t.template}?locale=${t.locale}`);
                  const list = await get<TemplateList>(`${base}/templates`);
                  onSaved(list);
                  setNotice("Back to the built-in wording.");
                })
              }
            >
              Reset to default
            </button>
          ) : null}
        </div>
      </form>
      {preview ? (
        <section aria-labelledby="tpl-preview" className="mail-preview">
          <h3 id="tpl-preview">Preview</h3>
          <p className="mail-preview-subject">
            <span className="muted">Subject:</span> {preview.subject}
          </p>
          <pre className="mail-preview-text">{preview.text}</pre>
        </section>
      ) : null}
    </section>
  );
}

