import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { get, post } from "../../app/api.js";
import { formatDeadline } from "../../app/dates.js";
import { ApiError, validationError, type IssueLike } from "../../app/errors.js";
import { CheckboxField, ErrorSummary, Status, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { CheckMailCard, Flash, Loading, PageError, PageHeader } from "../../app/layout.js";
import { useSession } from "../../app/session.js";
import { Facts, mineApi, Money, regApi, StateBadge } from "./common.js";
import { extraFieldNames, localPath, minorDigits, parseMajor, STATE_EXPLANATION, STATE_LABEL, STATE_TONE, STIPEND_LABEL } from "./logic.js";
import type { Applicant, CreatedRequest, MyRequests, Settings } from "./types.js";

const FORM = "invitation";
const PENDING_STIPEND = "plenary.pendingStipend";

interface StipendDraft {
  amount: number;
  currency: string;
  origin: string;
  justification: string;
}

/** Request an invitation: signed in, or anonymous with name and address. */
export function RequestInvitationPage() {
  const { community = "", event = "" } = useParams();
  const { user, loading } = useSession();
  const navigate = useNavigate();
  const [state] = useLoad((signal) => get<Settings>(regApi(community, event), signal), [community, event]);
  useTitle(state.status === "error" ? null : "Request an invitation");
  const [values, setValues] = useState({ name: "", email: "", workOn: "", affiliation: "", needsStipend: false, amount: "", currency: "", origin: "", justification: "" });
  const [extra, setExtra] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<{ email: string } | null>(null);
  const [existing, setExisting] = useState<{ message: string; link: string | null } | null>(null);
  const [closed, setClosed] = useState<string | null>(null);
  const extraIds = state.status === "ok" ? state.data.questions.extra.map((q) => `extra-${q.id}`) : [];
  const { busy, errors, run } = useSubmit(["name", "email", "workOn", "affiliation", "needsStipend", "amount", "currency", "origin", "justification", ...extraIds]);

  if (state.status === "loading" || loading) return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what="Registration for this event" />;
  const s = state.data;
  const eventPath = `/communities/${community}/events/${event}`;
  const stipendCurrency = values.currency || s.stipendCurrency;
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  if (sent) {
    return (
      <CheckMailCard>
        <p>
          We sent a link to <strong>{sent.email}</strong>. Open it to confirm your address: your request for {s.eventName} joins the queue then, and the organisers answer within {s.responseBusinessDays} business days.
        </p>
        <p className="muted small">No mail after a few minutes? Look in your spam folder, or request again with the same address: we will send the link again.</p>
        <p>
          <Link to={eventPath}>Back to the event</Link>
        </p>
      </CheckMailCard>
    );
  }

  const windowText = `${formatDeadline(s.opensAt, s.timeZone)} to ${formatDeadline(s.closesAt, s.timeZone)} (${s.timeZone} time)`;
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    setExisting(null);
    setClosed(null);
    void run(async () => {
      const issues: IssueLike[] = [];
      if (!user) {
        if (!values.name.trim()) issues.push({ path: ["name"], message: "Enter your name." });
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) issues.push({ path: ["email"], message: "Enter a valid email address." });
      }
      if (!values.workOn.trim()) issues.push({ path: ["workOn"], message: "Tell us what you want to work on." });
      for (const q of s.questions.extra) if (q.required && !(extra[q.id] ?? "").trim()) issues.push({ path: [`extra-${q.id}`], message: "Please answer this question." });
      let stipend: StipendDraft | null = null;
      if (s.questions.stipend && values.needsStipend) {
        const amount = parseMajor(values.amount, minorDigits(stipendCurrency));
        if (amount === null || amount <= 0) issues.push({ path: ["amount"], message: `Give the amount as a number, e.g. 250.00.` });
        if (!/^[A-Z]{3}$/.test(stipendCurrency)) issues.push({ path: ["currency"], message: "Use a three-letter currency code such as USD." });
        if (!values.origin.trim()) issues.push({ path: ["origin"], message: "Where do you travel from?" });
        if (!values.justification.trim()) issues.push({ path: ["justification"], message: "Tell us why you need the stipend." });
        if (amount !== null) stipend = { amount, currency: stipendCurrency, origin: values.origin.trim(), justification: values.justification.trim() };
      }
      if (issues.length) throw validationError(issues);
      const body = {
        ...(user ? {} : { name: values.name.trim(), email: values.email.trim() }),
        workOn: values.workOn.trim(),
        ...(s.questions.affiliation && values.affiliation.trim() ? { affiliation: values.affiliation.trim() } : {}),
        ...(s.questions.stipend ? { needsStipend: values.needsStipend } : {}),
        extra: Object.fromEntries(Object.entries(extra).filter(([, v]) => v.trim() !== "")),
      };
      let created: CreatedRequest;
      try {
        created = await post<CreatedRequest>(`${regApi(community, event)}/requests`, body);
      } catch (err) {
        if (err instanceof ApiError && err.code === "request_exists") {
          // The server names the existing request: its status link (with the secret) when it is
          // the signed-in person's own, and always its id. Without a status link, only a request in
          // the person's own list can be linked to.
          const { statusUrl, requestId } = err.details;
          let link: string | null = null;
          if (typeof statusUrl === "string" && statusUrl !== "") link = localPath(statusUrl);
          else if (user) {
            const mine = await get<MyRequests>("/registration/mine").catch(() => null);
            const r =
              (typeof requestId === "string" ? mine?.requests.find((x) => x.id === requestId) : undefined) ??
              mine?.requests.find((x) => x.event.communitySlug === community && x.event.slug === event && ["unverified", "requested", "invited", "waitlisted", "confirmed"].includes(x.state));
            link = r ? `/registration/${r.id}` : "/registration";
          }
          setExisting({ message: err.message, link });
          return;
        }
        if (err instanceof ApiError && (err.code === "requests_closed" || err.code === "requests_not_open")) {
          setClosed(err.message);
          return;
        }
        // The server names extra answers "extra.<id>"; the form's fields are "extra-<id>".
        if (err instanceof ApiError) throw new ApiError(err.status, err.code, err.message, extraFieldNames(err.fields), err.details);
        throw err;
      }
      if (created.needsVerification) {
        if (stipend) sessionStorage.setItem(PENDING_STIPEND, JSON.stringify({ requestId: created.id, ...stipend }));
        setSent({ email: created.email });
        return;
      }
      if (stipend) {
        try {
          await post(mineApi(created.id, null, "stipend"), stipend);
        } catch (err) {
          navigate(`/registration/${created.id}`, { state: { flash: `Your request is received, but the stipend request failed: ${(err as Error).message} You can ask for it on this page.` } });
          return;
        }
      }
      navigate(created.statusUrl ? localPath(created.statusUrl) : `/registration/${created.id}`, { state: { flash: "Your request is received. We have sent you a confirmation by email." } });
    });
  };

  const labels: Record<string, string> = {
    ...(user ? {} : { name: "Your name", email: "Email address" }),
    workOn: "What do you want to work on?",
    affiliation: "Affiliation",
    ...Object.fromEntries(s.questions.extra.map((q) => [`extra-${q.id}`, q.label])),
    amount: "Amount",
    currency: "Currency",
    origin: "Travelling from",
    justification: "Why you need the stipend",
  };
  return (
    <div className="wrap">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={eventPath}>{s.eventName}</Link>
          </li>
          <li aria-current="page">Request an invitation</li>
        </ol>
      </nav>
      <PageHeader title="Request an invitation" eyebrow={s.eventName}>
        <p className="lede reg-lede">
          Places are limited ({s.placesLeft} of {s.capacity} left). The organisers answer every request within {s.responseBusinessDays} business days.
          {s.feeAmount > 0 ? (
            <>
              {" "}
              If you are invited, the fee is <Money minor={s.feeAmount} currency={s.feeCurrency} />
              {s.beneficiaryName ? <>, all of it for {s.beneficiaryUrl ? <a href={s.beneficiaryUrl}>{s.beneficiaryName}</a> : s.beneficiaryName}</> : null}.
            </>
          ) : null}
        </p>
      </PageHeader>
      {!s.open || closed ? (
        <div className="notice notice-warning" role="alert">
          <p>
            <strong>{closed ?? (Date.parse(s.opensAt) > Date.now() ? "Invitation requests are not open yet." : "Invitation requests are closed.")}</strong>
          </p>
          <p>Requests are taken from {windowText}.</p>
        </div>
      ) : null}
      {existing ? (
        <div className="notice notice-warning" role="alert">
          <p>
            <strong>{existing.message}</strong>
          </p>
          {existing.link ? (
            <p>
              <Link to={existing.link}>See your existing request</Link>
            </p>
          ) : (
            <p>Follow the link in that mail to see the request’s status or withdraw it.</p>
          )}
        </div>
      ) : null}
      {s.open ? (
        <form className="card form-wide" aria-labelledby="invitation-title" onSubmit={onSubmit} noValidate>
          <h2 id="invitation-title" className="visually-hidden">
            Request an invitation
          </h2>
          <ErrorSummary form={FORM} errors={errors} labels={labels} />
          <fieldset>
            <legend>About you</legend>
            {user ? (
              <p>
                You are signed in as <strong>{user.name}</strong> ({user.email}); the request is made with this account.
              </p>
            ) : (
              <>
                <p className="muted">
                  Have an account? <Link to={`/sign-in?next=${encodeURIComponent(`${eventPath}/request-invitation`)}`}>Sign in</Link> first. Otherwise we create one from the address you confirm.
                </p>
                <div className="grid-2">
                  <TextField form={FORM} name="name" label="Your name" autoComplete="name" value={values.name} onChange={set("name")} error={errors.fields.name} maxLength={120} required />
                  <TextField form={FORM} name="email" label="Email address" type="email" autoComplete="email" value={values.email} onChange={set("email")} error={errors.fields.email} maxLength={254} required />
                </div>
              </>
            )}
            {s.questions.affiliation ? <TextField form={FORM} name="affiliation" label="Affiliation" hint="Optional: company, university or project." value={values.affiliation} onChange={set("affiliation")} error={errors.fields.affiliation} maxLength={240} /> : null}
          </fieldset>
          <fieldset>
            <legend>Your plans</legend>
            <TextArea form={FORM} name="workOn" label="What do you want to work on?" rows={4} value={values.workOn} onChange={set("workOn")} error={errors.fields.workOn} maxLength={2000} required />
            {s.questions.extra.map((q) => (
              <TextArea
                key={q.id}
                form={FORM}
                name={`extra-${q.id}`}
                label={`${q.label}${q.required ? "" : " (optional)"}`}
                rows={3}
                maxLength={q.maxLength}
                value={extra[q.id] ?? ""}
                onChange={(e) => setExtra((x) => ({ ...x, [q.id]: e.target.value }))}
                error={errors.fields[`extra-${q.id}`]}
                required={q.required}
              />
            ))}
          </fieldset>
          {s.questions.stipend ? (
            <fieldset>
              <legend>Travel stipend</legend>
              <CheckboxField form={FORM} name="needsStipend" label="I need a travel stipend to attend" hint="The budget is limited; asking does not affect whether you are invited." checked={values.needsStipend} onChange={(e) => setValues((v) => ({ ...v, needsStipend: e.target.checked }))} />
              {values.needsStipend ? (
                <div className="stipend-fields">
                  <div className="grid-2">
                    <TextField form={FORM} name="amount" label="Amount" inputMode="decimal" hint="In major units, e.g. 250.00." value={values.amount} onChange={set("amount")} error={errors.fields.amount} />
                    <TextField form={FORM} name="currency" label="Currency" hint="Three letters, e.g. USD." value={stipendCurrency} onChange={(e) => setValues((v) => ({ ...v, currency: e.target.value.toUpperCase() }))} error={errors.fields.currency} maxLength={3} />
                  </div>
                  <TextField form={FORM} name="origin" label="Travelling from" value={values.origin} onChange={set("origin")} error={errors.fields.origin} maxLength={200} />
                  <TextArea form={FORM} name="justification" label="Why you need the stipend" rows={3} value={values.justification} onChange={set("justification")} error={errors.fields.justification} maxLength={5000} />
                  {!user ? <p className="hint">Sent once you confirm your address, from this browser; otherwise you can ask on your request’s page.</p> : null}
                </div>
              ) : null}
            </fieldset>
          ) : null}
          <div className="form-actions">
            <SubmitButton busy={busy} busyLabel="Sending…">
              Request an invitation
            </SubmitButton>
            <Link to={eventPath} className="button secondary">
              Cancel
            </Link>
          </div>
        </form>
      ) : null}
    </div>
  );
}

/** The emailed link for a request made without an account. */
export function RegistrationVerifyPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const requestId = params.get("request") ?? "";
  const token = params.get("token") ?? "";
  const [error, setError] = useState<Error | null>(null);
  const started = useRef(false);
  useTitle(error ? "This link does not work" : "Confirming your request");
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    (async () => {
      const r = await post<CreatedRequest>("/registration/verify", { requestId, token });
      const path = r.statusUrl ? localPath(r.statusUrl) : `/registration/${r.id}`;
      const statusToken = new URL(path, "http://x").searchParams.get("token");
      let flash = "Your address is confirmed and your request is in the queue. We have sent you this page’s link by email.";
      const pending = sessionStorage.getItem(PENDING_STIPEND);
      if (pending) {
        sessionStorage.removeItem(PENDING_STIPEND);
        try {
          const { requestId: id, ...draft } = JSON.parse(pending) as StipendDraft & { requestId: string };
          if (id === r.id && r.can.requestStipend) {
            await post(mineApi(r.id, statusToken, "stipend"), draft);
            flash += " Your travel stipend request is sent too.";
          }
        } catch {
          flash += " Your travel stipend request could not be sent; you can ask for it below.";
        }
      }
      navigate(path, { replace: true, state: { flash } });
    })().catch((err: unknown) => setError(err instanceof Error ? err : new Error(String(err))));
  }, [requestId, token, navigate]);
  if (error)
    return (
      <div className="wrap narrow page-error">
        <h1>This link does not work</h1>
        <p>{error.message}</p>
        <p>Links are valid for 24 hours. Request an invitation again with the same address to get a new one.</p>
        <p>
          <Link to="/">Back to events</Link>
        </p>
      </div>
    );
  return <Loading label="Confirming your request…" />;
}

/** An applicant's status page: with ?token= from a mail, or signed in as the requester. */
export function RequestStatusPage() {
  const { requestId = "" } = useParams();
  const [params] = useSearchParams();
  const token = params.get("token");
  const { loading } = useSession();
  const [state, , setData] = useLoad((signal) => get<Applicant>(mineApi(requestId, token), signal), [requestId, token, loading]);
  useTitle(state.status === "ok" ? `Your request: ${state.data.event.name}` : state.status === "error" ? null : "Your request");
  if (state.status === "loading" || loading) return <Loading label="Loading your request…" />;
  if (state.status === "error") return <PageError error={state.error} what="This request" />;
  return <StatusView r={state.data} token={token} onChange={setData} />;
}

function StatusView({ r, token, onChange }: { r: Applicant; token: string | null; onChange: (r: Applicant) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [askWithdraw, setAskWithdraw] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const zone = r.event.timeZone;
  const eventPath = `/communities/${r.event.communitySlug}/events/${r.event.slug}`;
  const act = async (key: string, action: () => Promise<Applicant>, done: string) => {
    // The message brought here by the last navigation is out of date once something happens.
    if (location.state) navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
    setBusy(key);
    setResult(null);
    try {
      onChange(await action());
      setResult({ tone: "success", text: done });
    } catch (err) {
      setResult({ tone: "error", text: (err as Error).message });
    } finally {
      setBusy(null);
    }
  };
  const fee = r.fee;
  return (
    <div className="wrap">
      <Flash />
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={eventPath}>{r.event.name}</Link>
          </li>
          <li aria-current="page">Your request</li>
        </ol>
      </nav>
      <PageHeader title="Your invitation request" eyebrow={r.event.name} />
      <div className="status-layout">
        <div className="stack">
          <section className={`card status-card status-${r.state}`} aria-labelledby="status-title">
            <p className="eyebrow">Status</p>
            <h2 id="status-title" className="status-title">
              <span className={`status-dot state-${STATE_TONE[r.state]}`} aria-hidden="true" />
              {STATE_LABEL[r.state]}
            </h2>
            <p className="lede">{STATE_EXPLANATION[r.state]}</p>
            <Facts
              items={[
                ["Name", r.name],
                ["Email", r.email],
                ...(r.state === "requested" || r.state === "unverified" ? ([["Answer by", <time dateTime={r.answerBy}>{formatDeadline(r.answerBy, zone)} ({zone})</time>]] as [string, ReactNode][]) : []),
                ...(r.state === "waitlisted" && r.waitlistPosition ? ([["Place on the waiting list", r.waitlistPosition === 1 ? "1 — you are next" : String(r.waitlistPosition)]] as [string, ReactNode][]) : []),
                ...(r.state === "invited" && r.confirmBy ? ([["Confirm by", <strong><time dateTime={r.confirmBy}>{formatDeadline(r.confirmBy, zone)} ({zone})</time></strong>]] as [string, ReactNode][]) : []),
              ]}
            />
            {r.state === "confirmed" && r.checkinCode ? (
              <div className="checkin-code-box">
                <p>Your check-in code</p>
                <p className="checkin-code" aria-label={`Check-in code ${r.checkinCode.split("").join(" ")}`}>
                  {r.checkinCode}
                </p>
                <p className="muted small">Show it (or tell it) at the door.</p>
              </div>
            ) : null}
            {(r.state === "invited" || r.state === "confirmed") && fee.amount > 0 ? (
              <div className="fee-box">
                <h3>Fee</h3>
                <p>
                  <Money minor={fee.amount} currency={fee.currency} />
                  {fee.beneficiaryName ? (
                    <>
                      {" "}
                      — all of it goes to {fee.beneficiaryUrl ? <a href={fee.beneficiaryUrl}>{fee.beneficiaryName}</a> : fee.beneficiaryName}.
                    </>
                  ) : null}{" "}
                  {fee.waived ? <span className="badge badge-ok">Waived</span> : fee.paid ? <span className="badge badge-ok">Paid</span> : <span className="badge badge-warn">Not paid yet</span>}
                </p>
                {fee.instructions && !fee.paid ? <p className="fee-instructions">{fee.instructions}</p> : null}
              </div>
            ) : null}
            <ActionArea />
          </section>
          {r.stipend || r.can.requestStipend ? <StipendPanel r={r} token={token} onChange={onChange} /> : null}
        </div>
      </div>
    </div>
  );

  function ActionArea() {
    return (
      <>
        <div aria-live="polite">{result ? <p className={`notice ${result.tone === "success" ? "notice-success" : "notice-error"}`}>{result.text}</p> : null}</div>
        <div className="button-row">
          {r.can.confirm ? (
            <button type="button" className="button primary" disabled={busy !== null} onClick={() => void act("confirm", () => post<Applicant>(mineApi(r.id, token, "confirm")), "Your place is confirmed. See you there!")}>
              {busy === "confirm" ? "Confirming…" : "Confirm my place"}
            </button>
          ) : null}
          {r.can.withdraw && !askWithdraw ? (
            <button type="button" className="button danger-outline" disabled={busy !== null} onClick={() => setAskWithdraw(true)}>
              {r.state === "confirmed" ? "Cancel my place" : "Withdraw my request"}
            </button>
          ) : null}
        </div>
        {askWithdraw ? (
          <div className="confirm-box" role="group" aria-labelledby="withdraw-q">
            <p id="withdraw-q">
              <strong>{r.state === "confirmed" ? "Give up your place?" : "Withdraw your request?"}</strong> This cannot be undone; {r.state === "confirmed" || r.state === "invited" ? "the place goes to the next person on the waiting list." : "you may request again while requests are open."}
            </p>
            <div className="button-row">
              <button
                type="button"
                className="button danger"
                disabled={busy !== null}
                onClick={() =>
                  void act("withdraw", () => post<Applicant>(mineApi(r.id, token, "withdraw")), "Your request is withdrawn.").then(() => setAskWithdraw(false))
                }
              >
                {busy === "withdraw" ? "Withdrawing…" : "Yes, withdraw"}
              </button>
              <button type="button" className="button secondary" onClick={() => setAskWithdraw(false)} autoFocus>
                Keep it
              </button>
            </div>
          </div>
        ) : null}
      </>
    );
  }
}

function StipendPanel({ r, token, onChange }: { r: Applicant; token: string | null; onChange: (r: Applicant) => void }) {
  const st = r.stipend;
  const [reply, setReply] = useState("");
  const [draft, setDraft] = useState({ amount: "", currency: st?.currency ?? "USD", origin: "", justification: "" });
  const [notice, setNotice] = useState("");
  const F = "stipend";
  const { busy, errors, run } = useSubmit(["amount", "currency", "origin", "justification", "message"]);
  const respond = (action: "accept" | "decline" | "withdraw" | "reply", done: string) =>
    run(async () => {
      setNotice("");
      onChange(await post<Applicant>(mineApi(r.id, token, "stipend/respond"), { action, message: action === "reply" ? reply.trim() : "" }));
      if (action === "reply") setReply("");
      setNotice(done);
    });
  return (
    <section className="card" aria-labelledby="stipend-title">
      <h2 id="stipend-title">Travel stipend</h2>
      <ErrorSummary form={F} errors={errors} labels={{ amount: "Amount", currency: "Currency", origin: "Travelling from", justification: "Why you need the stipend", message: "Your reply" }} />
      <Status>{notice}</Status>
      {st ? (
        <>
          <Facts
            items={[
              ["State", STIPEND_LABEL[st.state]],
              ["Asked for", <Money minor={st.amountAsked} currency={st.currency} />],
              ...(st.amountOffered !== null ? ([["Offered", <strong><Money minor={st.amountOffered} currency={st.currency} /></strong>]] as [string, ReactNode][]) : []),
            ]}
          />
          {st.messages.length ? (
            <>
              <h3>Messages</h3>
              <ol className="message-list">
                {st.messages.map((m, i) => (
                  <li key={i} className={`message from-${m.from}`}>
                    <p className="message-meta">
                      {m.from === "organiser" ? "The organisers" : "You"} · <time dateTime={m.createdAt}>{formatDeadline(m.createdAt, r.event.timeZone)}</time>
                    </p>
                    <p className="message-body">{m.body}</p>
                  </li>
                ))}
              </ol>
            </>
          ) : null}
          <div className="button-row">
            {st.state === "offered" ? (
              <>
                <button type="button" className="button primary" disabled={busy} onClick={() => void respond("accept", "You accepted the offer.")}>
                  Accept the offer
                </button>
                <button type="button" className="button secondary" disabled={busy} onClick={() => void respond("decline", "You declined the offer.")}>
                  Decline the offer
                </button>
              </>
            ) : null}
            {["submitted", "information_needed", "offered"].includes(st.state) ? (
              <button type="button" className="button danger-outline" disabled={busy} onClick={() => void respond("withdraw", "Your stipend request is withdrawn.")}>
                Withdraw the stipend request
              </button>
            ) : null}
          </div>
          {["submitted", "information_needed", "offered", "accepted"].includes(st.state) ? (
            <form
              className="reply-form"
              onSubmit={(e) => {
                e.preventDefault();
                void respond("reply", "Your reply is sent to the organisers.");
              }}
            >
              <TextArea form={F} name="message" label={st.state === "information_needed" ? "Your answer to the organisers" : "Write to the organisers"} rows={3} value={reply} onChange={(e) => setReply(e.target.value)} error={errors.fields.message} maxLength={5000} />
              <SubmitButton busy={busy} className="button secondary">
                Send
              </SubmitButton>
            </form>
          ) : null}
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const amount = parseMajor(draft.amount, minorDigits(draft.currency));
              const issues: IssueLike[] = [];
              if (amount === null || amount <= 0) issues.push({ path: ["amount"], message: "Give the amount as a number, e.g. 250.00." });
              if (!/^[A-Z]{3}$/.test(draft.currency)) issues.push({ path: ["currency"], message: "Use a three-letter currency code such as USD." });
              if (!draft.origin.trim()) issues.push({ path: ["origin"], message: "Where do you travel from?" });
              if (!draft.justification.trim()) issues.push({ path: ["justification"], message: "Tell us why you need the stipend." });
              if (issues.length) throw validationError(issues);
              onChange(await post<Applicant>(mineApi(r.id, token, "stipend"), { amount, currency: draft.currency, origin: draft.origin.trim(), justification: draft.justification.trim() }));
              setNotice("Your stipend request is sent.");
            });
          }}
          noValidate
        >
          <p>The organisers share a limited travel budget. Ask for what you need; an offer may be lower.</p>
          <div className="grid-2">
            <TextField form={F} name="amount" label="Amount" inputMode="decimal" hint="In major units, e.g. 250.00." value={draft.amount} onChange={(e) => setDraft((d) => ({ ...d, amount: e.target.value }))} error={errors.fields.amount} />
            <TextField form={F} name="currency" label="Currency" hint="Three letters, e.g. USD." value={draft.currency} onChange={(e) => setDraft((d) => ({ ...d, currency: e.target.value.toUpperCase() }))} error={errors.fields.currency} maxLength={3} />
          </div>
          <TextField form={F} name="origin" label="Travelling from" value={draft.origin} onChange={(e) => setDraft((d) => ({ ...d, origin: e.target.value }))} error={errors.fields.origin} />
          <TextArea form={F} name="justification" label="Why you need the stipend" rows={3} value={draft.justification} onChange={(e) => setDraft((d) => ({ ...d, justification: e.target.value }))} error={errors.fields.justification} />
          <SubmitButton busy={busy}>Ask for a stipend</SubmitButton>
        </form>
      )}
    </section>
  );
}

/** The signed-in person's requests across events. */
export function MyRequestsPage() {
  const { user, loading } = useSession();
  const [state] = useLoad((signal) => (user ? get<MyRequests>("/registration/mine", signal) : Promise.reject(new ApiError(401, "unauthenticated", "Sign in to see your invitation requests."))), [user?.id, loading]);
  useTitle(state.status === "error" ? null : "Your invitation requests");
  if (loading || state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} />;
  const list = state.data.requests;
  return (
    <div className="wrap">
      <PageHeader title="Your invitation requests" />
      {list.length === 0 ? (
        <p className="empty">You have not requested an invitation to any event yet.</p>
      ) : (
        <ul className="plain-list request-list">
          {list.map((r) => (
            <li key={r.id}>
              <Link to={`/registration/${r.id}`} className="request-list-name">
                {r.event.name}
              </Link>{" "}
              <StateBadge state={r.state} />
              <span className="muted small">
                {" "}
                · requested <time dateTime={r.requestedAt}>{formatDeadline(r.requestedAt, r.event.timeZone)}</time>
                {r.state === "invited" && r.confirmBy ? ` · confirm by ${formatDeadline(r.confirmBy, r.event.timeZone)}` : ""}
                {r.state === "waitlisted" && r.waitlistPosition ? ` · position ${r.waitlistPosition} on the waiting list` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

