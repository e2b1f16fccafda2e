import { useState } from "react";
import { get, post } from "../../app/api.js";
import { formatDeadline } from "../../app/dates.js";
import { ErrorSummary, SelectField, Status, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { useLoad, useSubmit } from "../../app/hooks.js";
import { t } from "../../app/i18n.js";
import { Loading, PageError } from "../../app/layout.js";
import { BudgetBar } from "./Charts.js";
import { money, Money, OrganiserShell } from "./common.js";
import { minorDigits, parseMajor, STIPEND_LABEL } from "./logic.js";
import type { AttendeeList, Ledger, Stipend, StipendList } from "./types.js";
import { validationError, type IssueLike } from "../../app/errors.js";

const METHOD_LABEL: Record<string, string> = { bank_transfer: "Bank transfer", cash: "Cash", waiver: "Waiver" };
const KIND_LABEL: Record<string, string> = { payment: "Payment", waiver: "Waiver", refund: "Refund" };
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
  if (state.status === "error") return <PageError error={state.error} what="The ledger" />;
  const { ledger: l, people } = state.data;
  const t = l.totals;
  const m = (n: number) => money(n, l.currency);
  const unpaid = people.attendees.filter((a) => !a.feePaid);
  const options = [{ value: "", label: "Choose a person…" }, ...unpaid.map((a) => ({ value: a.requestId, label: `${a.name} <${a.email}>` })), ...people.attendees.filter((a) => a.feePaid).map((a) => ({ value: a.requestId, label: `${a.name} <${a.email}> — paid` }))];
  return (
    <div className="stack">
      <section className="card" aria-labelledby="totals-title">
        <h2 id="totals-title">Totals</h2>
        <p className="muted">
          Fee {m(l.feeAmount)} per person{l.beneficiaryName ? <>, for {l.beneficiaryUrl ? <a href={l.beneficiaryUrl}>{l.beneficiaryName}</a> : l.beneficiaryName}</> : null}.
        </p>
        <dl className="totals-grid">
          {(
            [
              ["Due", t.due],
              ["Paid", t.paid],
              ["Waived", t.waived],
              ["Refunded", t.refunded],
              ["Outstanding", t.outstanding],
              ["Donated", t.donated],
            ] as const
          ).map(([k, n]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{m(n)}</dd>
            </div>
          ))}
          <div className="total-owed">
            <dt>Owed to the beneficiary</dt>
            <dd data-testid="owed">{m(t.owedToBeneficiary)}</dd>
          </div>
        </dl>
        {l.closed ? <Status tone="info">Everything received has been passed on to the beneficiary.</Status> : null}
        <p>
          <a href={`/api/v1${base}/ledger.csv`} download>
            Download the ledger (CSV)
          </a>
        </p>
      </section>
      <section className="card" aria-labelledby="pay-title">
        <h2 id="pay-title">Record a payment</h2>
        <Status>{notice}</Status>
        <form
          aria-labelledby="pay-title"
          onSubmit={(e) => {
            e.preventDefault();
            setNotice("");
            void pay.run(async () => {
              const { kind } = form;
              const issues: IssueLike[] = [];
              if (!form.requestId) issues.push({ path: ["requestId"], message: kind === "refund" ? "Choose who is refunded." : kind === "waiver" ? "Choose whose fee is waived." : "Choose who paid." });
              // A refund needs its amount; a payment or waiver is the event's fee unless one is given.
              let amount: number | undefined;
              if (kind === "refund" || form.amount.trim() !== "") {
                const a = parseMajor(form.amount, minorDigits(l.currency));
                if (a === null || a <= 0) issues.push({ path: ["amount"], message: kind === "refund" && form.amount.trim() === "" ? "Give the amount refunded." : `Give the amount as a number, e.g. ${(15).toFixed(minorDigits(l.currency))}.` });
                else amount = a;
              }
              if (issues.length) throw validationError(issues);
              const next = await post<Ledger>(`${base}/payments`, { requestId: form.requestId, kind, method: form.method, ...(amount !== undefined ? { amount } : {}), reference: form.reference.trim() });
              const who = people.attendees.find((a) => a.requestId === form.requestId)?.name ?? "the person";
              // A refund may leave the fee unpaid again; the server knows, so ask it.
              const nextPeople = kind === "refund" ? await get<AttendeeList>(`${base}/attendees?limit=2000`).catch(() => people) : { ...people, attendees: people.attendees.map((a) => (a.requestId === form.requestId ? { ...a, feePaid: true } : a)) };
              setLedger({ ledger: next, people: nextPeople });
              setForm(EMPTY_PAYMENT);
              setNotice(`${KIND_LABEL[kind]} of ${m(amount ?? l.feeAmount)} recorded for ${who}.`);
            });
          }}
          noValidate
        >
          <ErrorSummary form="pay" errors={pay.errors} labels={{ requestId: "Person", kind: "Kind", method: "Method", amount: "Amount", reference: "Reference" }} />
          <SelectField form="pay" name="requestId" label="Person" hint="Confirmed attendees, those who have not paid first." options={options} value={form.requestId} onChange={(e) => setForm((f) => ({ ...f, requestId: e.target.value }))} error={pay.errors.fields.requestId} />
          <div className="grid-2">
            <SelectField
              form="pay"
              name="kind"
              label="Kind"
              hint={form.kind === "refund" ? "Money paid back to the person." : form.kind === "waiver" ? "The fee is not asked for." : "The fee, received."}
              options={FORM_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] ?? k }))}
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
              label="Method"
              options={methodsFor(form.kind).map((value) => ({ value, label: METHOD_LABEL[value] ?? value }))}
              value={form.method}
              onChange={(e) => setForm((f) => ({ ...f, method: e.target.value }))}
              error={pay.errors.fields.method}
            />
          </div>
          <div className="grid-2">
            <TextField
              form="pay"
              name="amount"
              label="Amount"
              hint={form.kind === "refund" ? `Required, in ${l.currency}: at most what this person has paid and not had back.` : `In ${l.currency}. Leave empty for the event’s fee, ${m(l.feeAmount)}.`}
              inputMode="decimal"
              autoComplete="off"
              value={form.amount}
              onChange={(e) => setForm((f) => ({ ...f, amount: e.target.value }))}
              error={pay.errors.fields.amount}
              required={form.kind === "refund"}
            />
            <TextField form="pay" name="reference" label="Reference" hint={form.method === "bank_transfer" ? "Required: the reference on the bank statement." : "Optional."} value={form.reference} onChange={(e) => setForm((f) => ({ ...f, reference: e.target.value }))} error={pay.errors.fields.reference} maxLength={200} />
          </div>
          <SubmitButton busy={pay.busy}>Record {(KIND_LABEL[form.kind] ?? "payment").toLowerCase()}</SubmitButton>
        </form>
      </section>
      <section className="card" aria-labelledby="donation-title">
        <h2 id="donation-title">Record the donation</h2>
        <p>
          Transferred {m(t.owedToBeneficiary)} to {l.beneficiaryName || "the beneficiary"}? Recording it closes the ledger for what has been received so far.
        </p>
        <ErrorSummary form="donation" errors={donate.errors} labels={{ reference: "Transfer reference" }} />
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void donate.run(async () => {
              const next = await post<Ledger>(`${base}/donations`, { reference: donationRef.trim() });
              setLedger({ ledger: next, people });
              setDonationRef("");
              setNotice(`Donation recorded.`);
            });
          }}
        >
          <TextField form="donation" name="reference" label="Transfer reference" value={donationRef} onChange={(e) => setDonationRef(e.target.value)} error={donate.errors.fields.reference} maxLength={200} />
          <SubmitButton busy={donate.busy} className="button secondary">
            Record donation
          </SubmitButton>
        </form>
      </section>
      <section className="card" aria-labelledby="entries-title">
        <h2 id="entries-title">Entries</h2>
        {l.entries.length === 0 && l.donations.length === 0 ? (
          <p className="empty">Nothing recorded yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Method</th>
                  <th scope="col">Reference</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {l.entries.map((x) => (
                  <tr key={x.id}>
                    <td>{formatDeadline(x.recordedAt, zone)}</td>
                    <td>{x.name ?? "—"}</td>
                    <td>{KIND_LABEL[x.kind] ?? x.kind}</td>
                    <td>{METHOD_LABEL[x.method] ?? x.method}</td>
                    <td>{x.reference || "—"}</td>
                    <td className="num">{x.kind === "refund" ? "−" : ""}{money(x.amount, x.currency)}</td>
                  </tr>
                ))}
                {l.donations.map((x) => (
                  <tr key={x.id}>
                    <td>{formatDeadline(x.recordedAt, zone)}</td>
                    <td>{x.beneficiaryName}</td>
                    <td>Donation</td>
                    <td>Transfer</td>
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

export function RegistrationStipendsPage() {
  return <OrganiserShell titleId="registration.stipends.title">{(e, p) => <Stipends base={p.api} zone={e.timeZone} />}</OrganiserShell>;
}

function Stipends({ base, zone }: { base: string; zone: string }) {
  const [state, , setData] = useLoad((signal) => get<StipendList>(`${base}/stipends`, signal), [base]);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what="The stipends" />;
  const { budget, stipends } = state.data;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="budget-title">
        <h2 id="budget-title">Budget</h2>
        <BudgetBar budget={budget} />
      </section>
      {stipends.length === 0 ? <p className="empty">No stipend requests yet.</p> : stipends.map((s) => <StipendCard key={s.id} s={s} base={base} zone={zone} left={budget.left} onChange={setData} />)}
    </div>
  );
}

function StipendCard({ s, base, zone, left, onChange }: { s: Stipend; base: string; zone: string; left: number; onChange: (l: StipendList) => void }) {
  const F = `stipend-${s.id.slice(0, 8)}`;
  const [v, setV] = useState({ action: "offer", amount: "", message: "", internalNote: "" });
  const [notice, setNotice] = useState("");
  const { busy, errors, run } = useSubmit(["action", "amount", "message", "internalNote"]);
  const open = !["declined", "reimbursed", "withdrawn", "rejected"].includes(s.state);
  const actions = [
    ...(["submitted", "information_needed"].includes(s.state) ? [{ value: "request_information", label: "Ask for information" }] : []),
    ...(["submitted", "information_needed", "offered"].includes(s.state) ? [{ value: "offer", label: "Offer an amount" }] : []),
    ...(s.state === "accepted" ? [{ value: "reimburse", label: "Mark reimbursed" }] : []),
    ...(["submitted", "information_needed", "offered"].includes(s.state) ? [{ value: "reject", label: "Reject" }] : []),
    { value: "message", label: "Message only" },
  ];
  const action = actions.some((a) => a.value === v.action) ? v.action : (actions[0]?.value ?? "message");
  const needsAmount = action === "offer" || action === "reimburse";
  const public_ = s.messages.filter((m) => !m.internal);
  const internal = s.messages.filter((m) => m.internal);
  return (
    <section className="card stipend-card" aria-labelledby={`${F}-title`}>
      <h2 id={`${F}-title`}>
        {s.name} <span className={`badge stipend-${s.state}`}>{t(STIPEND_LABEL[s.state])}</span>
      </h2>
      <p className="muted">
        {s.email} · from {s.origin}
      </p>
      <p>
        Asked for <strong><Money minor={s.amountAsked} currency={s.currency} /></strong>
        {s.amountOffered !== null ? <> · offered <strong><Money minor={s.amountOffered} currency={s.currency} /></strong></> : null}
        {s.amountReimbursed !== null ? <> · reimbursed <strong><Money minor={s.amountReimbursed} currency={s.currency} /></strong></> : null}
      </p>
      <p className="pre-wrap">{s.justification}</p>
      <div className="grid-2 messages-split">
        <div>
          <h3>Messages with the applicant</h3>
          {public_.length ? (
            <ol className="message-list">
              {public_.map((m) => (
                <li key={m.id} className={`message from-${m.from}`}>
                  <p className="message-meta">{m.from === "organiser" ? "Organisers" : s.name} · {formatDeadline(m.createdAt, zone)}</p>
                  <p className="message-body">{m.body}</p>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted small">None.</p>
          )}
        </div>
        <div className="internal-notes">
          <h3>Internal notes</h3>
          <p className="internal-label">Internal — never shown to the applicant</p>
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
            <p className="muted small">None.</p>
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
                const a = parseMajor(v.amount, minorDigits(s.currency));
                if (a === null || a <= 0) throw validationError([{ path: ["amount"], message: "Give the amount, e.g. 250.00." }]);
                if (action === "offer" && a > s.amountAsked) throw validationError([{ path: ["amount"], message: `At most the amount asked, ${money(s.amountAsked, s.currency)}.` }]);
                amount = a;
              }
              onChange(await post<StipendList>(`${base}/stipends/${s.id}/actions`, { action, ...(amount !== undefined ? { amount } : {}), message: v.message, internalNote: v.internalNote }));
              setV({ action: "offer", amount: "", message: "", internalNote: "" });
              const label = actions.find((a) => a.value === action)?.label ?? action;
              setNotice(amount !== undefined ? `${label}: ${money(amount, s.currency)} — done.` : `${label} — done.`);
            });
          }}
          noValidate
        >
          <ErrorSummary form={F} errors={errors} labels={{ action: "Action", amount: "Amount", message: "Message to the applicant", internalNote: "Internal note" }} />
          <Status>{notice}</Status>
          <div className="grid-2">
            <SelectField form={F} name="action" label="Action" options={actions} value={action} onChange={(e) => setV((x) => ({ ...x, action: e.target.value }))} error={errors.fields.action} />
            {needsAmount ? (
              <TextField
                form={F}
                name="amount"
                label={`Amount (${s.currency})`}
                hint={action === "offer" ? `At most ${money(s.amountAsked, s.currency)}; ${money(left, s.currency)} left in the budget.` : undefined}
                inputMode="decimal"
                value={v.amount}
                onChange={(e) => setV((x) => ({ ...x, amount: e.target.value }))}
                error={errors.fields.amount}
              />
            ) : null}
          </div>
          <div className="grid-2">
            <TextArea form={F} name="message" label="Message to the applicant" hint="Mailed to them." rows={3} value={v.message} onChange={(e) => setV((x) => ({ ...x, message: e.target.value }))} error={errors.fields.message} />
            <TextArea form={F} name="internalNote" label="Internal note" hint="Only organisers see it." rows={3} value={v.internalNote} onChange={(e) => setV((x) => ({ ...x, internalNote: e.target.value }))} error={errors.fields.internalNote} />
          </div>
          <SubmitButton busy={busy} className="button secondary">
            Apply
          </SubmitButton>
        </form>
      ) : null}
    </section>
  );
}
