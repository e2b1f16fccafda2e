import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { get, post } from "../../app/api.js";
import { formatDeadline } from "../../app/dates.js";
import { ApiError, validationError, type IssueLike } from "../../app/errors.js";
import { CheckboxField, ErrorSummary, Status, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { fmt, pageLocale, t as tr, useI18n } from "../../app/i18n.js";
import { CheckMailCard, Flash, Loading, PageError, PageHeader } from "../../app/layout.js";
import { useSession } from "../../app/session.js";
import { amountExample, Facts, mineApi, Money, readAmount, regApi, StateBadge } from "./common.js";
import { extraFieldNames, localPath, STATE_EXPLANATION, STATE_LABEL, STATE_TONE, STIPEND_LABEL } from "./logic.js";
import type { MessageId } from "../../../shared/i18n/catalogue.js";
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
  const { t, rich } = useI18n();
  const { community = "", event = "" } = useParams();
  const { user, loading } = useSession();
  const navigate = useNavigate();
  const [state] = useLoad((signal) => get<Settings>(regApi(community, event), signal), [community, event]);
  useTitle(state.status === "error" ? null : t("registration.request.title"));
  const [values, setValues] = useState({ name: "", email: "", workOn: "", affiliation: "", needsStipend: false, amount: "", currency: "", origin: "", justification: "" });
  const [extra, setExtra] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<{ email: string } | null>(null);
  const [existing, setExisting] = useState<{ message: string; link: string | null } | null>(null);
  const [closed, setClosed] = useState<string | null>(null);
  const extraIds = state.status === "ok" ? state.data.questions.extra.map((q) => `extra-${q.id}`) : [];
  const { busy, errors, run } = useSubmit(["name", "email", "workOn", "affiliation", "needsStipend", "amount", "currency", "origin", "justification", ...extraIds]);

  if (state.status === "loading" || loading) return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("registration.request.what")} />;
  const s = state.data;
  const eventPath = `/communities/${community}/events/${event}`;
  const stipendCurrency = values.currency || s.stipendCurrency;
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  if (sent) {
    return (
      <CheckMailCard>
        <p>{rich("registration.request.sent", { email: sent.email, event: s.eventName, days: s.responseBusinessDays })}</p>
        <p className="muted small">{t("registration.request.noMail")}</p>
        <p>
          <Link to={eventPath}>{t("registration.request.backToEvent")}</Link>
        </p>
      </CheckMailCard>
    );
  }

  // Each end names the event's zone.
  const windowText = t("registration.request.window", { opens: formatDeadline(s.opensAt, s.timeZone), closes: formatDeadline(s.closesAt, s.timeZone) });
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    setExisting(null);
    setClosed(null);
    void run(async () => {
      const issues: IssueLike[] = [];
      if (!user) {
        if (!values.name.trim()) issues.push({ path: ["name"], message: t("registration.request.nameRequired") });
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) issues.push({ path: ["email"], message: t("registration.request.emailInvalid") });
      }
      if (!values.workOn.trim()) issues.push({ path: ["workOn"], message: t("registration.request.workOnRequired") });
      for (const q of s.questions.extra) if (q.required && !(extra[q.id] ?? "").trim()) issues.push({ path: [`extra-${q.id}`], message: t("registration.request.answerRequired") });
      let stipend: StipendDraft | null = null;
      if (s.questions.stipend && values.needsStipend) {
        const amount = readAmount(values.amount, stipendCurrency);
        stipendIssues(issues, amount, stipendCurrency, values);
        if (amount !== null) stipend = { amount, currency: stipendCurrency, origin: values.origin.trim(), justification: values.justification.trim() };
      }
      if (issues.length) throw validationError(issues);
      const body = {
        // Without an account, the request keeps the page's language for its mails (they are written in English and German).
        ...(user ? {} : { name: values.name.trim(), email: values.email.trim(), locale: pageLocale() === "de" ? "de" : "en" }),
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
          navigate(`/registration/${created.id}`, { state: { flash: t("registration.request.stipendFailed", { error: (err as Error).message }) } });
          return;
        }
      }
      navigate(created.statusUrl ? localPath(created.statusUrl) : `/registration/${created.id}`, { state: { flash: t("registration.request.received") } });
    });
  };

  const labels: Record<string, string> = {
    ...(user ? {} : { name: t("registration.field.name"), email: t("registration.field.email") }),
    workOn: t("registration.field.workOn"),
    affiliation: t("registration.field.affiliation"),
    ...Object.fromEntries(s.questions.extra.map((q) => [`extra-${q.id}`, q.label])),
    ...stipendLabels(),
  };
  return (
    <div className="wrap">
      <nav aria-label={t("common.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={eventPath}>{s.eventName}</Link>
          </li>
          <li aria-current="page">{t("registration.request.title")}</li>
        </ol>
      </nav>
      <PageHeader title={t("registration.request.title")} eyebrow={s.eventName}>
        <p className="lede reg-lede">
          {t("registration.request.lede", { left: s.placesLeft, capacity: s.capacity, days: s.responseBusinessDays })}
          {s.feeAmount > 0 ? (
            <>
              {" "}
              {s.beneficiaryName
                ? rich("registration.request.feeFor", { amount: <Money minor={s.feeAmount} currency={s.feeCurrency} />, beneficiary: s.beneficiaryUrl ? <a href={s.beneficiaryUrl}>{s.beneficiaryName}</a> : s.beneficiaryName })
                : rich("registration.request.fee", { amount: <Money minor={s.feeAmount} currency={s.feeCurrency} /> })}
            </>
          ) : null}
        </p>
      </PageHeader>
      {!s.open || closed ? (
        <div className="notice notice-warning" role="alert">
          <p>
            <strong>{closed ?? t(Date.parse(s.opensAt) > Date.now() ? "registration.request.notOpenYet" : "registration.request.closed")}</strong>
          </p>
          <p>{windowText}</p>
        </div>
      ) : null}
      {existing ? (
        <div className="notice notice-warning" role="alert">
          <p>
            <strong>{existing.message}</strong>
          </p>
          {existing.link ? (
            <p>
              <Link to={existing.link}>{t("registration.request.seeExisting")}</Link>
            </p>
          ) : (
            <p>{t("registration.request.followMail")}</p>
          )}
        </div>
      ) : null}
      {s.open ? (
        <form className="card form-wide" aria-labelledby="invitation-title" onSubmit={onSubmit} noValidate>
          <h2 id="invitation-title" className="visually-hidden">
            {t("registration.request.title")}
          </h2>
          <ErrorSummary form={FORM} errors={errors} labels={labels} />
          <fieldset>
            <legend>{t("registration.request.aboutYou")}</legend>
            {user ? (
              <p>{rich("registration.request.signedInAs", { name: user.name, email: user.email })}</p>
            ) : (
              <>
                <p className="muted">{rich("registration.request.haveAccount", { link: (chunks) => <Link to={`/sign-in?next=${encodeURIComponent(`${eventPath}/request-invitation`)}`}>{chunks}</Link> })}</p>
                <div className="grid-2">
                  <TextField form={FORM} name="name" label={labels.name} autoComplete="name" value={values.name} onChange={set("name")} error={errors.fields.name} maxLength={120} required />
                  <TextField form={FORM} name="email" label={labels.email} type="email" autoComplete="email" value={values.email} onChange={set("email")} error={errors.fields.email} maxLength={254} required />
                </div>
              </>
            )}
            {s.questions.affiliation ? <TextField form={FORM} name="affiliation" label={labels.affiliation} hint={t("registration.request.affiliationHint")} value={values.affiliation} onChange={set("affiliation")} error={errors.fields.affiliation} maxLength={240} /> : null}
          </fieldset>
          <fieldset>
            <legend>{t("registration.request.plans")}</legend>
            <TextArea form={FORM} name="workOn" label={labels.workOn} rows={4} value={values.workOn} onChange={set("workOn")} error={errors.fields.workOn} maxLength={2000} required />
            {s.questions.extra.map((q) => (
              <TextArea
                key={q.id}
                form={FORM}
                name={`extra-${q.id}`}
                label={q.required ? q.label : t("registration.request.optional", { label: q.label })}
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
              <legend>{t("registration.request.stipend")}</legend>
              <CheckboxField form={FORM} name="needsStipend" label={t("registration.request.needsStipend")} hint={t("registration.request.needsStipendHint")} checked={values.needsStipend} onChange={(e) => setValues((v) => ({ ...v, needsStipend: e.target.checked }))} />
              {values.needsStipend ? (
                <div className="stipend-fields">
                  <div className="grid-2">
                    <TextField form={FORM} name="amount" label={labels.amount} inputMode="decimal" hint={t("registration.field.amountHint", { example: amountExample(250, stipendCurrency) })} value={values.amount} onChange={set("amount")} error={errors.fields.amount} />
                    <TextField form={FORM} name="currency" label={labels.currency} hint={t("registration.field.currencyHint")} value={stipendCurrency} onChange={(e) => setValues((v) => ({ ...v, currency: e.target.value.toUpperCase() }))} error={errors.fields.currency} maxLength={3} />
                  </div>
                  <TextField form={FORM} name="origin" label={labels.origin} value={values.origin} onChange={set("origin")} error={errors.fields.origin} maxLength={200} />
                  <TextArea form={FORM} name="justification" label={labels.justification} rows={3} value={values.justification} onChange={set("justification")} error={errors.fields.justification} maxLength={5000} />
                  {!user ? <p className="hint">{t("registration.request.stipendLater")}</p> : null}
                </div>
              ) : null}
            </fieldset>
          ) : null}
          <div className="form-actions">
            <SubmitButton busy={busy} busyLabel={t("registration.request.sending")}>
              {t("registration.request.title")}
            </SubmitButton>
            <Link to={eventPath} className="button secondary">
              {t("common.cancel")}
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
  const { t } = useI18n();
  useTitle(t(error ? "registration.verify.failed" : "registration.verify.title"));
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    (async () => {
      const r = await post<CreatedRequest>("/registration/verify", { requestId, token });
      const path = r.statusUrl ? localPath(r.statusUrl) : `/registration/${r.id}`;
      const statusToken = new URL(path, "http://x").searchParams.get("token");
      let flash = t("registration.verify.confirmed");
      const pending = sessionStorage.getItem(PENDING_STIPEND);
      if (pending) {
        sessionStorage.removeItem(PENDING_STIPEND);
        try {
          const { requestId: id, ...draft } = JSON.parse(pending) as StipendDraft & { requestId: string };
          if (id === r.id && r.can.requestStipend) {
            await post(mineApi(r.id, statusToken, "stipend"), draft);
            flash += ` ${t("registration.verify.stipendSent")}`;
          }
        } catch {
          flash += ` ${t("registration.verify.stipendFailed")}`;
        }
      }
      navigate(path, { replace: true, state: { flash } });
    })().catch((err: unknown) => setError(err instanceof Error ? err : new Error(String(err))));
  }, [requestId, token, navigate, t]);
  if (error)
    return (
      <div className="wrap narrow page-error">
        <h1>{t("registration.verify.failed")}</h1>
        <p>{error.message}</p>
        <p>{t("registration.verify.validity")}</p>
        <p>
          <Link to="/">{t("registration.verify.backToEvents")}</Link>
        </p>
      </div>
    );
  return <Loading label={t("registration.verify.loading")} />;
}

/** An applicant's status page: with ?token= from a mail, or signed in as the requester. */
export function RequestStatusPage() {
  const { requestId = "" } = useParams();
  const [params] = useSearchParams();
  const token = params.get("token");
  const { loading } = useSession();
  const { t } = useI18n();
  const [state, , setData] = useLoad((signal) => get<Applicant>(mineApi(requestId, token), signal), [requestId, token, loading]);
  useTitle(state.status === "ok" ? t("registration.status.documentTitle", { event: state.data.event.name }) : state.status === "error" ? null : t("registration.status.short"));
  if (state.status === "loading" || loading) return <Loading label={t("registration.status.loading")} />;
  if (state.status === "error") return <PageError error={state.error} what={t("registration.status.what")} />;
  return <StatusView r={state.data} token={token} onChange={setData} />;
}

function StatusView({ r, token, onChange }: { r: Applicant; token: string | null; onChange: (r: Applicant) => void }) {
  const { t, rich } = useI18n();
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
      <nav aria-label={t("common.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={eventPath}>{r.event.name}</Link>
          </li>
          <li aria-current="page">{t("registration.status.short")}</li>
        </ol>
      </nav>
      <PageHeader title={t("registration.status.title")} eyebrow={r.event.name} />
      <div className="status-layout">
        <div className="stack">
          <section className={`card status-card status-${r.state}`} aria-labelledby="status-title">
            <p className="eyebrow">{t("registration.status.status")}</p>
            <h2 id="status-title" className="status-title">
              <span className={`status-dot state-${STATE_TONE[r.state]}`} aria-hidden="true" />
              {t(STATE_LABEL[r.state])}
            </h2>
            <p className="lede">{t(STATE_EXPLANATION[r.state])}</p>
            {/* The deadlines name the event's zone. */}
            <Facts
              items={[
                [t("registration.status.name"), r.name],
                [t("registration.status.email"), r.email],
                ...(r.state === "requested" || r.state === "unverified" ? ([[t("registration.status.answerBy"), <time dateTime={r.answerBy}>{formatDeadline(r.answerBy, zone)}</time>]] as [string, ReactNode][]) : []),
                ...(r.state === "waitlisted" && r.waitlistPosition ? ([[t("registration.status.waitlistPlace"), r.waitlistPosition === 1 ? t("registration.status.waitlistNext") : fmt.number(r.waitlistPosition)]] as [string, ReactNode][]) : []),
                ...(r.state === "invited" && r.confirmBy ? ([[t("registration.status.confirmBy"), <strong><time dateTime={r.confirmBy}>{formatDeadline(r.confirmBy, zone)}</time></strong>]] as [string, ReactNode][]) : []),
              ]}
            />
            {r.state === "confirmed" && r.checkinCode ? (
              <div className="checkin-code-box">
                <p>{t("registration.status.code")}</p>
                <p className="checkin-code" aria-label={t("registration.status.codeLabel", { code: r.checkinCode.split("").join(" ") })}>
                  {r.checkinCode}
                </p>
                <p className="muted small">{t("registration.status.showCode")}</p>
              </div>
            ) : null}
            {(r.state === "invited" || r.state === "confirmed") && fee.amount > 0 ? (
              <div className="fee-box">
                <h3>{t("registration.status.fee")}</h3>
                <p>
                  <Money minor={fee.amount} currency={fee.currency} />
                  {fee.beneficiaryName ? (
                    <>
                      {" "}
                      {rich("registration.status.feeFor", { beneficiary: fee.beneficiaryUrl ? <a href={fee.beneficiaryUrl}>{fee.beneficiaryName}</a> : fee.beneficiaryName })}
                    </>
                  ) : null}
                  <> </>
                  {fee.waived ? <span className="badge badge-ok">{t("registration.status.waived")}</span> : fee.paid ? <span className="badge badge-ok">{t("registration.status.paid")}</span> : <span className="badge badge-warn">{t("registration.status.notPaid")}</span>}
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
        <div aria-live="polite">{result ? <p className={`notice notice-${result.tone}`}>{result.text}</p> : null}</div>
        <div className="button-row">
          {r.can.confirm ? (
            <button type="button" className="button primary" disabled={busy !== null} onClick={() => void act("confirm", () => post<Applicant>(mineApi(r.id, token, "confirm")), t("registration.status.confirmed"))}>
              {t(busy === "confirm" ? "registration.status.confirming" : "registration.status.confirm")}
            </button>
          ) : null}
          {r.can.withdraw && !askWithdraw ? (
            <button type="button" className="button danger-outline" disabled={busy !== null} onClick={() => setAskWithdraw(true)}>
              {t(r.state === "confirmed" ? "registration.status.cancelPlace" : "registration.status.withdraw")}
            </button>
          ) : null}
        </div>
        {askWithdraw ? (
          <div className="confirm-box" role="group" aria-labelledby="withdraw-q">
            <p id="withdraw-q">
              <strong>{t(r.state === "confirmed" ? "registration.status.giveUpQuestion" : "registration.status.withdrawQuestion")}</strong> {t(r.state === "confirmed" || r.state === "invited" ? "registration.status.placeGoesOn" : "registration.status.mayRequestAgain")}
            </p>
            <div className="button-row">
              <button
                type="button"
                className="button danger"
                disabled={busy !== null}
                onClick={() =>
                  void act("withdraw", () => post<Applicant>(mineApi(r.id, token, "withdraw")), t("registration.status.withdrawn")).then(() => setAskWithdraw(false))
                }
              >
                {t(busy === "withdraw" ? "registration.status.withdrawing" : "registration.status.yesWithdraw")}
              </button>
              <button type="button" className="button secondary" onClick={() => setAskWithdraw(false)} autoFocus>
                {t("registration.status.keep")}
              </button>
            </div>
          </div>
        ) : null}
      </>
    );
  }
}

function StipendPanel({ r, token, onChange }: { r: Applicant; token: string | null; onChange: (r: Applicant) => void }) {
  const { t, rich } = useI18n();
  const st = r.stipend;
  const [reply, setReply] = useState("");
  const [draft, setDraft] = useState({ amount: "", currency: st?.currency ?? "USD", origin: "", justification: "" });
  const [notice, setNotice] = useState("");
  const F = "stipend";
  const { busy, errors, run } = useSubmit(["amount", "currency", "origin", "justification", "message"]);
  const respond = (action: "accept" | "decline" | "withdraw" | "reply", done: MessageId) =>
    run(async () => {
      setNotice("");
      onChange(await post<Applicant>(mineApi(r.id, token, "stipend/respond"), { action, message: action === "reply" ? reply.trim() : "" }));
      if (action === "reply") setReply("");
      setNotice(t(done));
    });
  return (
    <section className="card" aria-labelledby="stipend-title">
      <h2 id="stipend-title">{t("registration.stipend.title")}</h2>
      <ErrorSummary form={F} errors={errors} labels={{ ...stipendLabels(), message: t("registration.stipend.reply") }} />
      <Status>{notice}</Status>
      {st ? (
        <>
          <Facts
            items={[
              [t("registration.stipend.state"), t(STIPEND_LABEL[st.state])],
              [t("registration.stipend.askedFor"), <Money minor={st.amountAsked} currency={st.currency} />],
              ...(st.amountOffered !== null ? ([[t("registration.stipend.offered"), <strong><Money minor={st.amountOffered} currency={st.currency} /></strong>]] as [string, ReactNode][]) : []),
            ]}
          />
          {st.messages.length ? (
            <>
              <h3>{t("registration.stipend.messages")}</h3>
              <ol className="message-list">
                {st.messages.map((m, i) => (
                  <li key={i} className={`message from-${m.from}`}>
                    <p className="message-meta">
                      {rich("registration.meta", { who: t(m.from === "organiser" ? "registration.stipend.fromOrganisers" : "registration.stipend.fromYou"), when: <time dateTime={m.createdAt}>{formatDeadline(m.createdAt, r.event.timeZone)}</time> })}
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
                <button type="button" className="button primary" disabled={busy} onClick={() => void respond("accept", "registration.stipend.accepted")}>
                  {t("registration.stipend.accept")}
                </button>
                <button type="button" className="button secondary" disabled={busy} onClick={() => void respond("decline", "registration.stipend.declined")}>
                  {t("registration.stipend.decline")}
                </button>
              </>
            ) : null}
            {["submitted", "information_needed", "offered"].includes(st.state) ? (
              <button type="button" className="button danger-outline" disabled={busy} onClick={() => void respond("withdraw", "registration.stipend.withdrawn")}>
                {t("registration.stipend.withdraw")}
              </button>
            ) : null}
          </div>
          {["submitted", "information_needed", "offered", "accepted"].includes(st.state) ? (
            <form
              className="reply-form"
              onSubmit={(e) => {
                e.preventDefault();
                void respond("reply", "registration.stipend.replySent");
              }}
            >
              <TextArea form={F} name="message" label={t(st.state === "information_needed" ? "registration.stipend.answer" : "registration.stipend.write")} rows={3} value={reply} onChange={(e) => setReply(e.target.value)} error={errors.fields.message} maxLength={5000} />
              <SubmitButton busy={busy} className="button secondary">
                {t("registration.stipend.send")}
              </SubmitButton>
            </form>
          ) : null}
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const amount = readAmount(draft.amount, draft.currency);
              const issues: IssueLike[] = [];
              stipendIssues(issues, amount, draft.currency, draft);
              if (issues.length) throw validationError(issues);
              onChange(await post<Applicant>(mineApi(r.id, token, "stipend"), { amount, currency: draft.currency, origin: draft.origin.trim(), justification: draft.justification.trim() }));
              setNotice(t("registration.stipend.sent"));
            });
          }}
          noValidate
        >
          <p>{t("registration.stipend.intro")}</p>
          <div className="grid-2">
            <TextField form={F} name="amount" label={t("registration.field.amount")} inputMode="decimal" hint={t("registration.field.amountHint", { example: amountExample(250, draft.currency) })} value={draft.amount} onChange={(e) => setDraft((d) => ({ ...d, amount: e.target.value }))} error={errors.fields.amount} />
            <TextField form={F} name="currency" label={t("registration.field.currency")} hint={t("registration.field.currencyHint")} value={draft.currency} onChange={(e) => setDraft((d) => ({ ...d, currency: e.target.value.toUpperCase() }))} error={errors.fields.currency} maxLength={3} />
          </div>
          <TextField form={F} name="origin" label={t("registration.field.origin")} value={draft.origin} onChange={(e) => setDraft((d) => ({ ...d, origin: e.target.value }))} error={errors.fields.origin} />
          <TextArea form={F} name="justification" label={t("registration.field.justification")} rows={3} value={draft.justification} onChange={(e) => setDraft((d) => ({ ...d, justification: e.target.value }))} error={errors.fields.justification} />
          <SubmitButton busy={busy}>{t("registration.stipend.ask")}</SubmitButton>
        </form>
      )}
    </section>
  );
}

/** The signed-in person's requests across events. */
export function MyRequestsPage() {
  const { t, rich } = useI18n();
  const { user, loading } = useSession();
  const [state] = useLoad((signal) => (user ? get<MyRequests>("/registration/mine", signal) : Promise.reject(new ApiError(401, "unauthenticated", t("registration.mine.signIn")))), [user?.id, loading]);
  useTitle(state.status === "error" ? null : t("registration.mine.title"));
  if (loading || state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} />;
  const list = state.data.requests;
  return (
    <div className="wrap">
      <PageHeader title={t("registration.mine.title")} />
      {list.length === 0 ? (
        <p className="empty">{t("registration.mine.empty")}</p>
      ) : (
        <ul className="plain-list request-list">
          {list.map((r) => (
            <li key={r.id}>
              <Link to={`/registration/${r.id}`} className="request-list-name">
                {r.event.name}
              </Link> <StateBadge state={r.state} />
              <span className="muted small">
                {rich("registration.mine.requested", { when: <time dateTime={r.requestedAt}>{formatDeadline(r.requestedAt, r.event.timeZone)}</time> })}
                {r.state === "invited" && r.confirmBy ? t("registration.mine.confirmBy", { when: formatDeadline(r.confirmBy, r.event.timeZone) }) : null}
                {r.state === "waitlisted" && r.waitlistPosition ? t("registration.mine.position", { position: r.waitlistPosition }) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The stipend fields' names, for an error summary. */
function stipendLabels(): Record<"amount" | "currency" | "origin" | "justification", string> {
  return { amount: tr("registration.field.amount"), currency: tr("registration.field.currency"), origin: tr("registration.field.origin"), justification: tr("registration.field.justification") };
}

/** The checks of a stipend request, where it is first asked for and where it is asked for later. */
function stipendIssues(issues: IssueLike[], amount: number | null, currency: string, v: { origin: string; justification: string }): void {
  if (amount === null || amount <= 0) issues.push({ path: ["amount"], message: tr("registration.check.amount", { example: amountExample(250, currency) }) });
  if (!/^[A-Z]{3}$/.test(currency)) issues.push({ path: ["currency"], message: tr("registration.check.currency") });
  if (!v.origin.trim()) issues.push({ path: ["origin"], message: tr("registration.check.origin") });
  if (!v.justification.trim()) issues.push({ path: ["justification"], message: tr("registration.check.justification") });
}
