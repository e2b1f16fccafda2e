import { useState } from "react";
import { get, post } from "../../app/api.js";
import { formatDeadline } from "../../app/dates.js";
import { ErrorSummary, SelectField, Status, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { useLoad, useSubmit } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { Loading, PageError } from "../../app/layout.js";
import { BudgetBar } from "./Charts.js";
import { amountExample, money, Money, OrganiserShell, readAmount } from "./common.js";
import { STIPEND_LABEL } from "./logic.js";
import type { AttendeeList, Ledger, Stipend, StipendList } from "./types.js";
import { validationError, type IssueLike } from "../../app/errors.js";
import type { MessageId } from "../../../shared/i18n/catalogue.js";

const METHOD_LABEL: Record<string, MessageId> = { bank_transfer: "registration.method.bank_transfer", cash: "registration.method.cash", waiver: "registration.method.waiver" };
const KIND_LABEL: Record<string, MessageId> = { payment: "registration.kind.payment", waiver: "registration.kind.waiver", refund: "registration.kind.refund" };
/** What an empty cell shows. */
const NONE = "—";
/** What the record form can enter; the server's LEDGER_KINDS. */
const FORM_KINDS = ["payment", "waiver", "refund"] as const;
type FormKind = (typeof FORM_KINDS)[number];
/** A waiver is recorded with the method "waiver", and only a waiver is. */
const methodsFor = (kind: FormKind): string[] => (kind === "waiver" ? ["waiver"] : ["bank_transfer", "cash"]);
const EMPTY_PAYMENT = { requestId: "", kind: "payment" as FormKind, method: "bank_transfer", amount: "", reference: "" };

export function RegistrationFeesPage() {
  return <OrganiserShell titleId="registration.fees.title">{(e, p) => <Fees base={p.api} zone={e.timeZone} />}</OrganiserShell>;
}

function Fees({ base, zone }: { base: string; zone: string }) {
  const { t, rich } = useI18n();
  const [state, , setLedger] = useLoad(async (signal) => {
    const [ledger, people] = await Promise.all([get<Ledger>(`${base}/ledger`, signal), get<AttendeeList>(`${base}/attendees?limit=2000`, signal)]);
    return { ledger, people };
  }, [base]);
  const [form, setForm] = useState(EMPTY_PAYMENT);
  const [donationRef, setDonationRef] = useState("");
  const [notice, setNotice] = useState("");
  // No currency field: the event's fee currency is used, and any complaint about it goes to the summary.
  const pay = useSubmit(["requestId", "kind", "method", "amount", "reference"]);
  const donate = useSubmit(["reference"]);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("registration.fees.what")} />;
  const { ledger: l, people } = state.data;
  const totals = l.totals;
  const m = (n: number) => money(n, l.currency);
  const unpaid = people.attendees.filter((a) => !a.feePaid);
  const options = [{ value: "", label: t("registration.fees.choosePerson") }, ...unpaid.map((a) => ({ value: a.requestId, label: `${a.name} <${a.email}>` })), ...people.attendees.filter((a) => a.feePaid).map((a) => ({ value: a.requestId, label: t("registration.fees.personPaid", { person: `${a.name} <${a.email}>` }) }))];
  const labels = { requestId: t("registration.fees.person"), kind: t("registration.fees.kind"), method: t("registration.fees.method"), amount: t("registration.fees.amount"), reference: t("registration.fees.reference") };
  // A kind or method the page does not know yet is shown as the server names it.
  const label = (table: Record<string, MessageId>, key: string) => (table[key] ? t(table[key]) : key);
  return (
    <div className="stack">
      <section className="card" aria-labelledby="totals-title">
        <h2 id="totals-title">{t("registration.fees.totals")}</h2>
        <p className="muted">
          {l.beneficiaryName
            ? rich("registration.fees.perPersonFor", { amount: m(l.feeAmount), beneficiary: l.beneficiaryUrl ? <a href={l.beneficiaryUrl}>{l.beneficiaryName}</a> : l.beneficiaryName })
            : t("registration.fees.perPerson", { amount: m(l.feeAmount) })}
        </p>
        <dl className="totals-grid">
          {(
            [
              ["registration.fees.due", totals.due],
              ["registration.fees.paid", totals.paid],
              ["registration.fees.waived", totals.waived],
              ["registration.fees.refunded", totals.refunded],
              ["registration.fees.outstanding", totals.outstanding],
              ["registration.fees.donated", totals.donated],
            ] as const
          ).map(([k, n]) => (
            <div key={k}>
              <dt>{t(k)}</dt>
              <dd>{m(n)}</dd>
            </div>
          ))}
          <div className="total-owed">
            <dt>{t("registration.fees.owed")}</dt>
            <dd data-testid="owed">{m(totals.owedToBeneficiary)}</dd>
          </div>
        </dl>
        {l.closed ? <Status tone="info">{t("registration.fees.closed")}</Status> : null}
        <p>
          <a href={`/api/v1${base}/ledger.csv`} download>
            {t("registration.fees.csv")}
          </a>
        </p>
      </section>
      <section className="card" aria-labelledby="pay-title">
        <h2 id="pay-title">{t("registration.fees.record")}</h2>
        <Status>{notice}</Status>
        <form
          aria-labelledby="pay-title"
          onSubmit={(e) => {
            e.preventDefault();
            setNotice("");
            void pay.run(async () => {
              const { kind } = form;
              const issues: IssueLike[] = [];
              if (!form.requestId) issues.push({ path: ["requestId"], message: t(kind === "refund" ? "registration.fees.chooseRefunded" : kind === "waiver" ? "registration.fees.chooseWaived" : "registration.fees.choosePaid") });
              // A refund needs its amount; a payment or waiver is the event's fee unless one is given.
              let amount: number | undefined;
              if (kind === "refund" || form.amount.trim() !== "") {
                const a = readAmount(form.amount, l.currency);
                if (a === null || a <= 0) issues.push({ path: ["amount"], message: kind === "refund" && form.amount.trim() === "" ? t("registration.fees.amountRefunded") : t("registration.check.amount", { example: amountExample(15, l.currency) }) });
                else amount = a;
              }
              if (issues.length) throw validationError(issues);
              const next = await post<Ledger>(`${base}/payments`, { requestId: form.requestId, kind, method: form.method, ...(amount !== undefined ? { amount } : {}), reference: form.reference.trim() });
              const who = people.attendees.find((a) => a.requestId === form.requestId)?.name ?? t("registration.fees.thePerson");
              // A refund may leave the fee unpaid again; the server knows, so ask it.
              const nextPeople = kind === "refund" ? await get<AttendeeList>(`${base}/attendees?limit=2000`).catch(() => people) : { ...people, attendees: people.attendees.map((a) => (a.requestId === form.requestId ? { ...a, feePaid: true } : a)) };
              setLedger({ ledger: next, people: nextPeople });
              setForm(EMPTY_PAYMENT);
              setNotice(t("registration.fees.recorded", { kind, amount: m(amount ?? l.feeAmount), who }));
            });
          }}
          noValidate
        >
          <ErrorSummary form="pay" errors={pay.errors} labels={labels} />
          <SelectField form="pay" name="requestId" label={labels.requestId} hint={t("registration.fees.personHint")} options={options} value={form.requestId} onChange={(e) => setForm((f) => ({ ...f, requestId: e.target.value }))} error={pay.errors.fields.requestId} />
          <div className="grid-2">
            <SelectField
              form="pay"
              name="kind"
              label={labels.kind}
              hint={t(`registration.fees.kindHint.${form.kind}`)}
              options={FORM_KINDS.map((k) => ({ value: k, label: t(`registration.kind.${k}`) }))}
              value={form.kind}
              onChange={(e) => {
                const kind = (FORM_KINDS as readonly string[]).includes(e.target.value) ? (e.target.value as FormKind) : "payment";
                setForm((f) => ({ ...f, kind, method: methodsFor(kind).includes(f.method) ? f.method : (methodsFor(kind)[0] ?? "bank_transfer") }));
              }}
              error={pay.errors.fields.kind}
            />
            <SelectField
              form="pay"
              name="method"
              label={labels.method}
              options={methodsFor(form.kind).map((value) => ({ value, label: label(METHOD_LABEL, value) }))}
              value={form.method}
              onChange={(e) => setForm((f) => ({ ...f, method: e.target.value }))}
              error={pay.errors.fields.method}
            />
          </div>
          <div className="grid-2">
            <TextField
              form="pay"
              name="amount"
              label={labels.amount}
              hint={form.kind === "refund" ? t("registration.fees.amountHintRefund", { currency: l.currency }) : t("registration.fees.amountHint", { currency: l.currency, fee: m(l.feeAmount) })}
              inputMode="decimal"
              autoComplete="off"
              value={form.amount}
              onChange={(e) => setForm((f) => ({ ...f, amount: e.target.value }))}
              error={pay.errors.fields.amount}
              required={form.kind === "refund"}
            />
            <TextField form="pay" name="reference" label={labels.reference} hint={t(form.method === "bank_transfer" ? "registration.fees.referenceRequired" : "registration.fees.optional")} value={form.reference} onChange={(e) => setForm((f) => ({ ...f, reference: e.target.value }))} error={pay.errors.fields.reference} maxLength={200} />
          </div>
          <SubmitButton busy={pay.busy}>{t("registration.fees.recordKind", { kind: form.kind })}</SubmitButton>
        </form>
      </section>
      <section className="card" aria-labelledby="donation-title">
        <h2 id="donation-title">{t("registration.fees.donation")}</h2>
        <p>{t("registration.fees.donationText", { amount: m(totals.owedToBeneficiary), beneficiary: l.beneficiaryName || t("registration.fees.theBeneficiary") })}</p>
        <ErrorSummary form="donation" errors={donate.errors} labels={{ reference: t("registration.fees.transferReference") }} />
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void donate.run(async () => {
              const next = await post<Ledger>(`${base}/donations`, { reference: donationRef.trim() });
              setLedger({ ledger: next, people });
              setDonationRef("");
              setNotice(t("registration.fees.donationRecorded"));
            });
          }}
        >
          <TextField form="donation" name="reference" label={t("registration.fees.transferReference")} value={donationRef} onChange={(e) => setDonationRef(e.target.value)} error={donate.errors.fields.reference} maxLength={200} />
          <SubmitButton busy={donate.busy} className="button secondary">
            {t("registration.fees.recordDonation")}
          </SubmitButton>
        </form>
      </section>
      <section className="card" aria-labelledby="entries-title">
        <h2 id="entries-title">{t("registration.fees.entries")}</h2>
        {l.entries.length === 0 && l.donations.length === 0 ? (
          <p className="empty">{t("registration.fees.nothing")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("registration.fees.when")}</th>
                  <th scope="col">{t("registration.fees.who")}</th>
                  <th scope="col">{labels.kind}</th>
                  <th scope="col">{labels.method}</th>
                  <th scope="col">{labels.reference}</th>
                  <th scope="col" className="num">
                    {labels.amount}
                  </th>
                </tr>
              </thead>
              <tbody>
                {l.entries.map((x) => (
                  <tr key={x.id}>
                    <td>{formatDeadline(x.recordedAt, zone)}</td>
                    <td>{x.name ?? NONE}</td>
                    <td>{label(KIND_LABEL, x.kind)}</td>
                    <td>{label(METHOD_LABEL, x.method)}</td>
                    <td>{x.reference || NONE}</td>
                    <td className="num">{money(x.kind === "refund" ? -x.amount : x.amount, x.currency)}</td>
                  </tr>
                ))}
                {l.donations.map((x) => (
                  <tr key={x.id}>
                    <td>{formatDeadline(x.recordedAt, zone)}</td>
                    <td>{x.beneficiaryName}</td>
                    <td>{t("registration.fees.donationKind")}</td>
                    <td>{t("registration.fees.transfer")}</td>
                    <td>{x.reference}</td>
                    <td className="num">{money(x.amount, x.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

type StipendAction = "request_information" | "offer" | "reimburse" | "reject" | "message";

export function RegistrationStipendsPage() {
  return <OrganiserShell titleId="registration.stipends.title">{(e, p) => <Stipends base={p.api} zone={e.timeZone} />}</OrganiserShell>;
}

function Stipends({ base, zone }: { base: string; zone: string }) {
  const { t } = useI18n();
  const [state, , setData] = useLoad((signal) => get<StipendList>(`${base}/stipends`, signal), [base]);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("registration.stipends.what")} />;
  const { budget, stipends } = state.data;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="budget-title">
        <h2 id="budget-title">{t("registration.stipends.budget")}</h2>
        <BudgetBar budget={budget} />
      </section>
      {stipends.length === 0 ? <p className="empty">{t("registration.stipends.empty")}</p> : stipends.map((s) => <StipendCard key={s.id} s={s} base={base} zone={zone} left={budget.left} onChange={setData} />)}
    </div>
  );
}

function StipendCard({ s, base, zone, left, onChange }: { s: Stipend; base: string; zone: string; left: number; onChange: (l: StipendList) => void }) {
  const { t, rich } = useI18n();
  const F = `stipend-${s.id.slice(0, 8)}`;
  const [v, setV] = useState({ action: "offer", amount: "", message: "", internalNote: "" });
  const [notice, setNotice] = useState("");
  const { busy, errors, run } = useSubmit(["action", "amount", "message", "internalNote"]);
  const open = !["declined", "reimbursed", "withdrawn", "rejected"].includes(s.state);
  const allowed: StipendAction[] = [
    ...(["submitted", "information_needed"].includes(s.state) ? (["request_information"] as const) : []),
    ...(["submitted", "information_needed", "offered"].includes(s.state) ? (["offer"] as const) : []),
    ...(s.state === "accepted" ? (["reimburse"] as const) : []),
    ...(["submitted", "information_needed", "offered"].includes(s.state) ? (["reject"] as const) : []),
    "message",
  ];
  const actions = allowed.map((value) => ({ value, label: t(`registration.stipends.action.${value}`) }));
  const action = actions.some((a) => a.value === v.action) ? v.action : (actions[0]?.value ?? "message");
  const needsAmount = action === "offer" || action === "reimburse";
  const public_ = s.messages.filter((m) => !m.internal);
  const internal = s.messages.filter((m) => m.internal);
  return (
    <section className="card stipend-card" aria-labelledby={`${F}-title`}>
      <h2 id={`${F}-title`}>
        {s.name} <span className={`badge stipend-${s.state}`}>{t(STIPEND_LABEL[s.state])}</span>
      </h2>
      <p className="muted">{t("registration.stipends.from", { email: s.email, origin: s.origin })}</p>
      <p>
        {rich("registration.stipends.asked", { amount: <Money minor={s.amountAsked} currency={s.currency} /> })}
        {s.amountOffered !== null ? rich("registration.stipends.offeredToo", { amount: <Money minor={s.amountOffered} currency={s.currency} /> }) : null}
        {s.amountReimbursed !== null ? rich("registration.stipends.reimbursedToo", { amount: <Money minor={s.amountReimbursed} currency={s.currency} /> }) : null}
      </p>
      <p className="pre-wrap">{s.justification}</p>
      <div className="grid-2 messages-split">
        <div>
          <h3>{t("registration.stipends.messages")}</h3>
          {public_.length ? (
            <ol className="message-list">
              {public_.map((m) => (
                <li key={m.id} className={`message from-${m.from}`}>
                  <p className="message-meta">{t("registration.meta", { who: m.from === "organiser" ? t("registration.stipends.organisers") : s.name, when: formatDeadline(m.createdAt, zone) })}</p>
                  <p className="message-body">{m.body}</p>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted small">{t("registration.stipends.none")}</p>
          )}
        </div>
        <div className="internal-notes">
          <h3>{t("registration.internalNotes")}</h3>
          <p className="internal-label">{t("registration.internalOnly")}</p>
          {internal.length ? (
            <ol className="message-list">
              {internal.map((m) => (
                <li key={m.id} className="message internal">
                  <p className="message-meta">{formatDeadline(m.createdAt, zone)}</p>
                  <p className="message-body">{m.body}</p>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted small">{t("registration.stipends.none")}</p>
          )}
        </div>
      </div>
      {open || s.state === "accepted" ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setNotice("");
            void run(async () => {
              let amount: number | undefined;
              if (needsAmount) {
                const a = readAmount(v.amount, s.currency);
                if (a === null || a <= 0) throw validationError([{ path: ["amount"], message: t("registration.stipends.amountRequired", { example: amountExample(250, s.currency) }) }]);
                if (action === "offer" && a > s.amountAsked) throw validationError([{ path: ["amount"], message: t("registration.stipends.atMostAsked", { amount: money(s.amountAsked, s.currency) }) }]);
                amount = a;
              }
              onChange(await post<StipendList>(`${base}/stipends/${s.id}/actions`, { action, ...(amount !== undefined ? { amount } : {}), message: v.message, internalNote: v.internalNote }));
              setV({ action: "offer", amount: "", message: "", internalNote: "" });
              const label = actions.find((a) => a.value === action)?.label ?? action;
              setNotice(amount !== undefined ? t("registration.stipends.doneAmount", { action: label, amount: money(amount, s.currency) }) : t("registration.stipends.done", { action: label }));
            });
          }}
          noValidate
        >
          <ErrorSummary form={F} errors={errors} labels={{ action: t("registration.stipends.action"), amount: t("registration.stipends.amountIn", { currency: s.currency }), message: t("registration.stipends.message"), internalNote: t("registration.stipends.internalNote") }} />
          <Status>{notice}</Status>
          <div className="grid-2">
            <SelectField form={F} name="action" label={t("registration.stipends.action")} options={actions} value={action} onChange={(e) => setV((x) => ({ ...x, action: e.target.value }))} error={errors.fields.action} />
            {needsAmount ? (
              <TextField
                form={F}
                name="amount"
                label={t("registration.stipends.amountIn", { currency: s.currency })}
                hint={action === "offer" ? t("registration.stipends.amountHint", { asked: money(s.amountAsked, s.currency), left: money(left, s.currency) }) : undefined}
                inputMode="decimal"
                value={v.amount}
                onChange={(e) => setV((x) => ({ ...x, amount: e.target.value }))}
                error={errors.fields.amount}
              />
            ) : null}
          </div>
          <div className="grid-2">
            <TextArea form={F} name="message" label={t("registration.stipends.message")} hint={t("registration.stipends.messageHint")} rows={3} value={v.message} onChange={(e) => setV((x) => ({ ...x, message: e.target.value }))} error={errors.fields.message} />
            <TextArea form={F} name="internalNote" label={t("registration.stipends.internalNote")} hint={t("registration.stipends.noteHint")} rows={3} value={v.internalNote} onChange={(e) => setV((x) => ({ ...x, internalNote: e.target.value }))} error={errors.fields.internalNote} />
          </div>
          <SubmitButton busy={busy} className="button secondary">
            {t("registration.stipends.apply")}
          </SubmitButton>
        </form>
      ) : null}
    </section>
  );
}
