import { useEffect, useState, type FormEvent } from "react";
import type { EventDetail } from "../../../server/features/events/schema.js";
import { api, del, get, post } from "../../app/api.js";
import { instantToLocalInput, localInputToInstant } from "../../app/dates.js";
import { ApiError, validationError, type IssueLike } from "../../app/errors.js";
import { CheckboxField, ErrorSummary, Status, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { useLoad, useSubmit } from "../../app/hooks.js";
import { fmt, useI18n } from "../../app/i18n.js";
import { Loading, PageError } from "../../app/layout.js";
import { amountExample, amountInput, OrganiserShell, readAmount } from "./common.js";
import { minorDigits, parseHolidays } from "./logic.js";
import type { PreviewView, Settings, TemplateList, TemplateName, TemplateView } from "./types.js";

const F = "reg-settings";
const FIELDS = ["capacity", "opensAt", "closesAt", "responseBusinessDays", "holidays", "confirmationDays", "feeAmount", "feeCurrency", "feeInstructions", "beneficiaryName", "beneficiaryUrl", "waiversAllowed", "stipendBudget", "stipendCurrency", "questions"] as const;
type Field = (typeof FIELDS)[number];
const KNOWN: string[] = [...FIELDS];

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
  const { t } = useI18n();
  const [state, , setData] = useLoad(
    (signal) =>
      get<Settings>(`${base}/settings`, signal).catch((err: unknown) => {
        if (err instanceof ApiError && err.code === "registration_not_set_up") return null;
        throw err;
      }),
    [base],
  );
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("registration.settings.title")} />;
  return <SettingsForm base={base} zone={event.timeZone} s={state.data} onSaved={setData} />;
}

function SettingsForm({ base, zone, s, onSaved }: { base: string; zone: string; s: Settings | null; onSaved: (s: Settings) => void }) {
  const { t } = useI18n();
  const LABELS = Object.fromEntries(FIELDS.map((f) => [f, t(`registration.settings.${f}`)])) as Record<Field, string>;
  const feeCurrency0 = s?.feeCurrency ?? "USD";
  const stipendCurrency0 = s?.stipendCurrency ?? "USD";
  const [v, setV] = useState({
    capacity: s ? String(s.capacity) : "",
    opensAt: s ? instantToLocalInput(s.opensAt, zone) : "",
    closesAt: s ? instantToLocalInput(s.closesAt, zone) : "",
    responseBusinessDays: String(s?.responseBusinessDays ?? 5),
    holidays: (s?.holidays ?? []).join("\n"),
    confirmationDays: String(s?.confirmationDays ?? 7),
    feeAmount: amountInput(s?.feeAmount ?? 0, feeCurrency0),
    feeCurrency: feeCurrency0,
    feeInstructions: s?.feeInstructions ?? "",
    beneficiaryName: s?.beneficiaryName ?? "",
    beneficiaryUrl: s?.beneficiaryUrl ?? "",
    waiversAllowed: s?.waiversAllowed ?? false,
    stipendBudget: amountInput(s?.stipendBudget ?? 0, stipendCurrency0),
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
        if (!/^\d+$/.test(raw.trim())) issues.push({ path: [k], message: t("registration.settings.wholeNumber") });
        return Number.parseInt(raw, 10);
      };
      const opensAt = localInputToInstant(v.opensAt, zone);
      const closesAt = localInputToInstant(v.closesAt, zone);
      if (!opensAt) issues.push({ path: ["opensAt"], message: t("registration.settings.opensRequired") });
      if (!closesAt) issues.push({ path: ["closesAt"], message: t("registration.settings.closesRequired") });
      if (opensAt && closesAt && Date.parse(opensAt) >= Date.parse(closesAt)) issues.push({ path: ["closesAt"], message: t("registration.settings.windowOrder") });
      const { dates, bad } = parseHolidays(v.holidays);
      if (bad.length) issues.push({ path: ["holidays"], message: t("registration.settings.notDates", { dates: fmt.list(bad.slice(0, 5)) }) });
      const cur = (k: "feeCurrency" | "stipendCurrency") => {
        const c = v[k].trim().toUpperCase();
        if (!/^[A-Z]{3}$/.test(c)) issues.push({ path: [k], message: t("registration.settings.currencyInvalid") });
        return c;
      };
      const feeCurrency = cur("feeCurrency");
      const stipendCurrency = cur("stipendCurrency");
      const feeAmount = readAmount(v.feeAmount || "0", feeCurrency);
      if (feeAmount === null) issues.push({ path: ["feeAmount"], message: t("registration.settings.feeInvalid", { currency: feeCurrency, example: amountExample(15, feeCurrency), digits: minorDigits(feeCurrency) }) });
      const stipendBudget = readAmount(v.stipendBudget || "0", stipendCurrency);
      if (stipendBudget === null) issues.push({ path: ["stipendBudget"], message: t("registration.settings.budgetInvalid", { currency: stipendCurrency, example: amountExample(2000, stipendCurrency) }) });
      extra.forEach((q, i) => {
        if (!/^[a-z][a-z0-9_]{0,39}$/.test(q.id)) issues.push({ path: ["questions"], message: t("registration.settings.questionId", { n: i + 1 }) });
        if (!q.label.trim()) issues.push({ path: ["questions"], message: t("registration.settings.questionLabel", { n: i + 1 }) });
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
      setSaved(t("registration.settings.saved"));
    });
  };
  return (
    <form className="card form-wide" aria-label={t("registration.settings.title")} onSubmit={onSubmit} noValidate>
      <ErrorSummary form={F} errors={errors} labels={LABELS} />
      {!s ? <Status tone="info">{t("registration.settings.notSetUp")}</Status> : null}
      <fieldset>
        <legend>{t("registration.settings.placesWindow")}</legend>
        <TextField form={F} name="capacity" label={LABELS.capacity} inputMode="numeric" value={v.capacity} onChange={set("capacity")} error={err("capacity")} />
        <div className="grid-2">
          <TextField form={F} name="opensAt" type="datetime-local" label={LABELS.opensAt} hint={t("registration.settings.inZone", { zone })} value={v.opensAt} onChange={set("opensAt")} error={err("opensAt")} />
          <TextField form={F} name="closesAt" type="datetime-local" label={LABELS.closesAt} hint={t("registration.settings.inZone", { zone })} value={v.closesAt} onChange={set("closesAt")} error={err("closesAt")} />
        </div>
        <div className="grid-2">
          <TextField form={F} name="responseBusinessDays" label={LABELS.responseBusinessDays} hint={t("registration.settings.businessDaysHint")} inputMode="numeric" value={v.responseBusinessDays} onChange={set("responseBusinessDays")} error={err("responseBusinessDays")} />
          <TextField form={F} name="confirmationDays" label={LABELS.confirmationDays} hint={t("registration.settings.confirmationHint")} inputMode="numeric" value={v.confirmationDays} onChange={set("confirmationDays")} error={err("confirmationDays")} />
        </div>
        <TextArea form={F} name="holidays" label={LABELS.holidays} hint={t("registration.settings.holidaysHint")} rows={3} value={v.holidays} onChange={set("holidays")} error={err("holidays")} />
      </fieldset>
      <fieldset>
        <legend>{t("registration.settings.fee")}</legend>
        <div className="grid-2">
          <TextField form={F} name="feeAmount" label={LABELS.feeAmount} hint={t("registration.settings.feeHint", { example: amountExample(15, v.feeCurrency) })} inputMode="decimal" value={v.feeAmount} onChange={set("feeAmount")} error={err("feeAmount")} />
          <TextField form={F} name="feeCurrency" label={LABELS.feeCurrency} hint={t("registration.field.currencyHint")} maxLength={3} value={v.feeCurrency} onChange={(e) => setV((x) => ({ ...x, feeCurrency: e.target.value.toUpperCase() }))} error={err("feeCurrency")} />
        </div>
        <div className="grid-2">
          <TextField form={F} name="beneficiaryName" label={LABELS.beneficiaryName} hint={t("registration.settings.beneficiaryHint")} value={v.beneficiaryName} onChange={set("beneficiaryName")} error={err("beneficiaryName")} maxLength={200} />
          <TextField form={F} name="beneficiaryUrl" label={LABELS.beneficiaryUrl} hint={t("registration.settings.optional")} type="url" value={v.beneficiaryUrl} onChange={set("beneficiaryUrl")} error={err("beneficiaryUrl")} />
        </div>
        <TextArea form={F} name="feeInstructions" label={LABELS.feeInstructions} hint={t("registration.settings.instructionsHint")} rows={3} value={v.feeInstructions} onChange={set("feeInstructions")} error={err("feeInstructions")} maxLength={4000} />
        <CheckboxField form={F} name="waiversAllowed" label={t("registration.settings.waive")} checked={v.waiversAllowed} onChange={(e) => setV((x) => ({ ...x, waiversAllowed: e.target.checked }))} error={err("waiversAllowed")} />
      </fieldset>
      <fieldset>
        <legend>{t("registration.settings.stipends")}</legend>
        <div className="grid-2">
          <TextField form={F} name="stipendBudget" label={LABELS.stipendBudget} hint={t("registration.settings.budgetHint")} inputMode="decimal" value={v.stipendBudget} onChange={set("stipendBudget")} error={err("stipendBudget")} />
          <TextField form={F} name="stipendCurrency" label={LABELS.stipendCurrency} maxLength={3} value={v.stipendCurrency} onChange={(e) => setV((x) => ({ ...x, stipendCurrency: e.target.value.toUpperCase() }))} error={err("stipendCurrency")} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{LABELS.questions}</legend>
        <p className="hint">{t("registration.settings.questionsIntro")}</p>
        <CheckboxField form={F} name="q-affiliation" label={t("registration.settings.askAffiliation")} checked={v.affiliation} onChange={(e) => setV((x) => ({ ...x, affiliation: e.target.checked }))} />
        <CheckboxField form={F} name="q-stipend" label={t("registration.settings.askStipend")} checked={v.stipend} onChange={(e) => setV((x) => ({ ...x, stipend: e.target.checked }))} />
        {err("questions") ? (
          <p className="field-error" id={`${F}-questions`} tabIndex={-1}>
            {err("questions")}
          </p>
        ) : null}
        {extra.map((q, i) => (
          <div className="extra-question" key={i} role="group" aria-label={t("registration.settings.extraGroup", { n: i + 1 })}>
            <TextField form={F} name={`extra-${i}-label`} label={t("registration.settings.question", { n: i + 1 })} value={q.label} onChange={(e) => setExtra((xs) => xs.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))} maxLength={300} />
            <div className="grid-2">
              <TextField form={F} name={`extra-${i}-id`} label={t("registration.settings.id")} hint={t("registration.settings.idHint")} value={q.id} onChange={(e) => setExtra((xs) => xs.map((x, j) => (j === i ? { ...x, id: e.target.value } : x)))} maxLength={40} />
              <TextField form={F} name={`extra-${i}-max`} label={t("registration.settings.maxLength")} inputMode="numeric" value={String(q.maxLength)} onChange={(e) => setExtra((xs) => xs.map((x, j) => (j === i ? { ...x, maxLength: Number.parseInt(e.target.value, 10) || 1 } : x)))} />
            </div>
            <div className="button-row">
              <CheckboxField form={F} name={`extra-${i}-required`} label={t("registration.settings.required")} checked={q.required} onChange={(e) => setExtra((xs) => xs.map((x, j) => (j === i ? { ...x, required: e.target.checked } : x)))} />
              <button type="button" className="button small danger-outline" onClick={() => setExtra((xs) => xs.filter((_, j) => j !== i))}>
                {t("registration.settings.remove", { n: i + 1 })}
              </button>
            </div>
          </div>
        ))}
        <button type="button" className="button small secondary" onClick={() => setExtra((xs) => [...xs, { id: `question_${xs.length + 1}`, label: "", required: false, maxLength: 500 }])}>
          {t("registration.settings.add")}
        </button>
      </fieldset>
      <div className="form-actions">
        <SubmitButton busy={busy} busyLabel={t("common.saving")}>
          {t("registration.settings.save")}
        </SubmitButton>
        <Status>{saved}</Status>
      </div>
    </form>
  );
}

/** How a template writes a variable: "{{name}}". */
const placeholder = (name: string) => `{{${name}}}`;

/** "registration.invited" → its name in the catalogue. */
const templateLabel = (name: TemplateName) => `registration.templates.name.${name.slice("registration.".length) as TemplateName extends `registration.${infer N}` ? N : never}` as const;

export function RegistrationTemplatesPage() {
  return <OrganiserShell titleId="registration.templates.title">{(_e, p) => <Templates base={p.api} />}</OrganiserShell>;
}

function Templates({ base }: { base: string }) {
  const { t: tr } = useI18n();
  const [state, , setData] = useLoad((signal) => get<TemplateList>(`${base}/templates`, signal), [base]);
  const [selected, setSelected] = useState<string | null>(null);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={tr("registration.templates.what")} />;
  const list = state.data.templates;
  const key = (t: TemplateView) => `${t.template}:${t.locale}`;
  const current = list.find((t) => key(t) === selected) ?? list[0];
  return (
    <div className="templates-layout">
      <nav aria-label={tr("registration.templates.nav")} className="card template-list">
        <ul className="plain-list">
          {list.map((t) => (
            <li key={key(t)}>
              <button type="button" className={`link-button${current && key(current) === key(t) ? " current" : ""}`} aria-current={current && key(current) === key(t) ? "true" : undefined} onClick={() => setSelected(key(t))}>
                {tr("registration.templates.item", { name: tr(templateLabel(t.template)), locale: t.locale })}
              </button> {t.custom ? <span className="badge badge-ok">{tr("registration.templates.custom")}</span> : <span className="badge">{tr("registration.templates.builtIn")}</span>}
            </li>
          ))}
        </ul>
      </nav>
      {current ? <TemplateEditor key={key(current)} base={base} t={current} onSaved={setData} /> : <p className="empty">{tr("registration.templates.none")}</p>}
    </div>
  );
}

function TemplateEditor({ base, t, onSaved }: { base: string; t: TemplateView; onSaved: (l: TemplateList) => void }) {
  const { t: tr, rich } = useI18n();
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
        {tr("registration.templates.item", { name: tr(templateLabel(t.template)), locale: t.locale })}
      </h2>
      <ErrorSummary form={F2} errors={errors} labels={{ subject: tr("registration.templates.subject"), body: tr("registration.templates.text") }} />
      <Status>{notice}</Status>
      <p className="hint">
        {rich("registration.templates.variables", {
          list: t.variables.map((x) => (
            <code key={x} className="var-chip">
              {placeholder(x)}
            </code>
          )),
          link: <code>{placeholder("link")}</code>,
        })}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setNotice("");
          void run(async () => {
            onSaved(await api<TemplateList>("PUT", `${base}/templates/${t.template}`, { locale: t.locale, subject, body }));
            setNotice(tr("registration.templates.saved"));
          });
        }}
      >
        <TextField form={F2} name="subject" label={tr("registration.templates.subject")} value={subject} onChange={(e) => setSubject(e.target.value)} error={errors.fields.subject} maxLength={300} />
        <TextArea form={F2} name="body" label={tr("registration.templates.text")} rows={10} value={body} onChange={(e) => setBody(e.target.value)} error={errors.fields.body} maxLength={20000} />
        <div className="form-actions">
          <SubmitButton busy={busy}>{tr("common.save")}</SubmitButton>
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                setPreview(await post<PreviewView>(`${base}/templates/${t.template}/preview`, { locale: t.locale, subject, body, message: tr("registration.templates.sampleMessage") }));
              })
            }
          >
            {tr("registration.templates.preview")}
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
                  setNotice(tr("registration.templates.resetDone"));
                })
              }
            >
              {tr("registration.templates.reset")}
            </button>
          ) : null}
        </div>
      </form>
      {preview ? (
        <section aria-labelledby="tpl-preview" className="mail-preview">
          <h3 id="tpl-preview">{tr("registration.templates.preview")}</h3>
          <p className="mail-preview-subject">
            <span className="muted">{tr("registration.decision.subject")}</span> {preview.subject}
          </p>
          <pre className="mail-preview-text">{preview.text}</pre>
        </section>
      ) : null}
    </section>
  );
}

