import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { z } from "zod";
import type { ProposalAction } from "../../../server/features/cfp/rules.js";
import { answersSchema, LIMITS, profileBody, proposalBody, type Answers, type ProfileView, type ProposalList, type ProposalView, type PublicCall, type Question } from "../../../server/features/cfp/schema.js";
import { api, ApiError, get, post } from "../../app/api.js";
import { CheckboxField, ErrorSummary, SelectField, Status, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { Loading, PageError, PageHeader } from "../../app/layout.js";
import { useSession } from "../../app/session.js";
import { ACTION_LABEL, apiBase, Deadline, inVisitorZone, P, pageBase, STATE_LABEL } from "./shared.js";

// ---------------------------------------------------------------- the public call

export function CallPage() {
  const { t } = useI18n();
  const { community = "", event = "" } = useParams();
  const [state] = useLoad((signal) => get<PublicCall>(apiBase(community, event), signal), [community, event]);
  useTitle(t("cfp.call.title"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("cfp.call.what")} />;
  const c = state.data;
  const here = pageBase(community, event);
  return (
    <div className="wrap cfp-call">
      <PageHeader title={t("cfp.call.title")} eyebrow={<Link to={`/communities/${community}/events/${event}`}>{c.event.name}</Link>} />
      {c.demo ? <Status tone="info">{t("cfp.call.demoNote")}</Status> : null}
      {!c.configured ? (
        <p>{t("cfp.call.notConfigured")}</p>
      ) : (
        <>
          <section className="card stack" aria-labelledby="cfp-when">
            <h2 id="cfp-when">{t("cfp.call.when")}</h2>
            <Deadline call={c} />
            {c.open ? (
              <p className="button-row">
                <Link className="button primary" to={`${here}/proposals/new`}>
                  {t("cfp.call.propose")}
                </Link>
                <Link className="button secondary" to={`${here}/mine`}>
                  {t("cfp.mine.title")}
                </Link>
              </p>
            ) : c.opensAt && Date.parse(c.opensAt) > Date.now() ? (
              <p>{t("cfp.call.opensAt", { at: inVisitorZone(c.opensAt) })}</p>
            ) : null}
          </section>
          {c.pageHtml ? <div className="prose card" dangerouslySetInnerHTML={{ __html: c.pageHtml }} /> : null}
          <section className="card stack" aria-labelledby="cfp-tracks">
            <h2 id="cfp-tracks">{t("cfp.call.tracks")}</h2>
            {c.tracks.map((tr) => (
              <div key={tr.key}>
                <h3>{tr.name}</h3>
                <ul>
                  {tr.topics.map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
              </div>
            ))}
            <h3>{t("cfp.call.sessionTypes")}</h3>
            <ul>
              {c.sessionTypes.map((s) => (
                <li key={s.key}>{t("cfp.call.sessionType", { label: s.label, minutes: s.minutes })}</li>
              ))}
            </ul>
            {c.maxProposalsPerSpeaker ? <p>{t("cfp.call.maxPerSpeaker", { max: c.maxProposalsPerSpeaker })}</p> : null}
            {c.blind ? <p>{t("cfp.call.blind")}</p> : null}
          </section>
        </>
      )}
    </div>
  );
}

// ---------------------------------------------------------------- the speaker's proposals

function signInFirst(t: ReturnType<typeof useI18n>["t"]) {
  return <PageError error={new ApiError(401, "unauthenticated", t("cfp.mine.signIn"))} />;
}

export function MyProposalsPage() {
  const { t } = useI18n();
  const { user, loading } = useSession();
  const { community = "", event = "" } = useParams();
  const base = apiBase(community, event);
  const [state, , set] = useLoad((signal) => (user ? get<ProposalList>(`${base}/proposals`, signal) : Promise.resolve(null)), [base, user?.id]);
  const [error, setError] = useState<string | null>(null);
  useTitle(t("cfp.mine.title"));
  if (loading || state.status === "loading") return <Loading />;
  if (!user) return signInFirst(t);
  if (state.status === "error") return <PageError error={state.error} what={t("cfp.call.what")} />;
  const list = state.data!;
  const act = async (p: ProposalView, action: ProposalAction) => {
    setError(null);
    try {
      await post(`${base}/proposals/${p.id}/${action}`);
      set(await get<ProposalList>(`${base}/proposals`));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const here = pageBase(community, event);
  return (
    <div className="wrap cfp-mine">
      <PageHeader title={t("cfp.mine.title")} eyebrow={<Link to={here}>{list.call.event.name}</Link>} />
      {error ? <div className="notice notice-error" role="alert">{error}</div> : null}
      {list.call.open ? (
        <p>
          <Link className="button primary" to={`${here}/proposals/new`}>
            {t("cfp.call.propose")}
          </Link>
        </p>
      ) : null}
      {list.proposals.length === 0 ? <p>{t("cfp.mine.none")}</p> : null}
      <ul className="card-list">
        {list.proposals.map((p) => (
          <li key={p.id} className="card stack">
            <h2>{p.title}</h2>
            <p>
              <span className={`badge badge-${p.state}`}>{t(STATE_LABEL[p.state])}</span>
              {p.demo ? <span className="badge">{t("cfp.demoBadge")}</span> : null}
            </p>
            <p className="muted">{t("cfp.mine.speakers", { names: p.speakers.map((s) => (s.status === "invited" ? t("cfp.mine.invitedName", { name: s.name }) : s.name)).join(P.comma) })}</p>
            <p className="button-row">
              {p.can.edit ? (
                <Link className="button secondary" to={`${here}/proposals/${p.id}`}>
                  {t(ACTION_LABEL.edit)}
                </Link>
              ) : null}
              {(["submit", "confirm", "decline", "withdraw"] as const)
                .filter((a) => p.can[a])
                .map((a) => (
                  <button key={a} type="button" className={`button ${a === "withdraw" || a === "decline" ? "secondary" : "primary"}`} onClick={() => void act(p, a)}>
                    {t(ACTION_LABEL[a])}
                  </button>
                ))}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

const FIELDS = ["title", "abstract", "description", "notes", "sessionType", "topics", "coSpeakers", "conflicts", "accessCode"] as const;
const splitList = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** One answer field per question, by its kind; its limits come from the question, checked by `answersSchema`. */
function AnswerField({ form, q, value, onChange, error }: { form: string; q: Question; value: Answers[string] | undefined; onChange: (v: Answers[string] | undefined) => void; error?: string }) {
  const name = `${form}-${q.key}`;
  const label = q.label;
  const hint = q.help || undefined;
  switch (q.kind) {
    case "text":
    case "url":
      return <TextField form={form} name={name} label={label} hint={hint} error={error} value={typeof value === "string" ? value : ""} maxLength={q.maxLength ?? LIMITS.textMax} type={q.kind === "url" ? "url" : "text"} onChange={(e) => onChange(e.target.value)} />;
    case "long_text":
      return <TextArea form={form} name={name} label={label} hint={hint} error={error} value={typeof value === "string" ? value : ""} maxLength={q.maxLength ?? LIMITS.answerMax} rows={4} onChange={(e) => onChange(e.target.value)} />;
    case "number":
      return <TextField form={form} name={name} label={label} hint={hint} error={error} type="number" value={typeof value === "number" ? String(value) : ""} onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))} />;
    case "boolean":
      return <CheckboxField form={form} name={name} label={label} hint={hint} error={error} checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
    case "choice":
      return <SelectField form={form} name={name} label={label} hint={hint} error={error} value={typeof value === "string" ? value : ""} options={[{ value: "", label: P.none }, ...q.options.map((o) => ({ value: o, label: o }))]} onChange={(e) => onChange(e.target.value || undefined)} />;
    case "multiple_choice": {
      const picked = Array.isArray(value) ? value : [];
      return (
        <fieldset className="field">
          <legend>{label}</legend>
          {q.options.map((o) => (
            <CheckboxField key={o} form={form} name={`${name}-${o}`} label={o} checked={picked.includes(o)} onChange={(e) => onChange(e.target.checked ? [...picked, o] : picked.filter((x) => x !== o))} />
          ))}
          {error ? <p className="field-error">{error}</p> : null}
        </fieldset>
      );
    }
  }
}

/** A new proposal (`:proposal` is "new") or one of the speaker's own: saved as a draft, then sent in. */
export function ProposalFormPage() {
  const { t } = useI18n();
  const { user, loading } = useSession();
  const navigate = useNavigate();
  const { community = "", event = "", proposal = "new" } = useParams();
  const base = apiBase(community, event);
  const isNew = proposal === "new";
  const [state] = useLoad(async (signal) => {
    const call = await get<PublicCall>(base, signal);
    const existing = isNew || !user ? null : await get<ProposalView>(`${base}/proposals/${proposal}`, signal);
    return { call, existing };
  }, [base, proposal, user?.id]);
  useTitle(t(isNew ? "cfp.form.newTitle" : "cfp.form.editTitle"));
  if (loading || state.status === "loading") return <Loading />;
  if (!user) return signInFirst(t);
  if (state.status === "error") return <PageError error={state.error} what={t("cfp.call.what")} />;
  return <ProposalForm call={state.data.call} existing={state.data.existing} base={base} onDone={() => navigate(`${pageBase(community, event)}/mine`)} />;
}

function ProposalForm({ call, existing, base, onDone }: { call: PublicCall; existing: ProposalView | null; base: string; onDone: () => void }) {
  const { t } = useI18n();
  const F = "proposal";
  const [v, setV] = useState({
    title: existing?.title ?? "",
    abstract: existing?.abstract ?? "",
    description: existing?.description ?? "",
    notes: existing?.notes ?? "",
    sessionType: existing?.sessionType ?? call.sessionTypes[0]?.key ?? "",
    topics: existing?.topics ?? [],
    coSpeakers: existing?.speakers.filter((s) => !s.submitter).map((s) => s.email).join(", ") ?? "",
    conflicts: existing?.conflicts.join(", ") ?? "",
    accessCode: "",
  });
  const [answers, setAnswers] = useState<Answers>(existing?.answers ?? {});
  const [speakerAnswers, setSpeakerAnswers] = useState<Answers>(existing?.speakerAnswers ?? {});
  const { busy, errors, run } = useSubmit([...FIELDS, ...call.questions.map((q) => `answers.${q.key}`), ...call.questions.map((q) => `speakerAnswers.${q.key}`)]);
  const labels: Record<string, string> = {
    title: t("cfp.form.titleLabel"),
    abstract: t("cfp.form.abstract"),
    description: t("cfp.form.description"),
    notes: t("cfp.form.notes"),
    sessionType: t("cfp.form.sessionType"),
    topics: t("cfp.form.topics"),
    coSpeakers: t("cfp.form.coSpeakers"),
    conflicts: t("cfp.form.conflicts"),
    accessCode: t("cfp.form.accessCode"),
    ...Object.fromEntries(call.questions.map((q) => [`${q.target === "proposal" ? "answers" : "speakerAnswers"}.${q.key}`, q.label])),
  };
  const body = (sending: boolean) => {
    const { accessCode: _code, ...fields } = v;
    const b = check(proposalBody, { ...fields, coSpeakers: splitList(v.coSpeakers), conflicts: splitList(v.conflicts), answers, speakerAnswers });
    // The same checks as the server's: the call's questions, required ones when sending in.
    check(z.object({ answers: answersSchema(call.questions, "proposal", sending), speakerAnswers: answersSchema(call.questions, "speaker", sending) }), { answers, speakerAnswers });
    return b;
  };
  const save = (sending: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    void run(async () => {
      const b = body(sending);
      const saved = existing ? await api<ProposalView>("PUT", `${base}/proposals/${existing.id}`, b) : await post<ProposalView>(`${base}/proposals`, b);
      if (sending && saved.state === "draft") await post(`${base}/proposals/${saved.id}/submit`, v.accessCode ? { accessCode: v.accessCode } : {});
      onDone();
    });
  };
  const field = (name: Exclude<(typeof FIELDS)[number], "sessionType" | "topics">, kind: "text" | "area", limit?: number) =>
    kind === "text" ? (
      <TextField form={F} name={name} label={labels[name]!} error={errors.fields[name]} value={v[name]} maxLength={limit} onChange={(e) => setV({ ...v, [name]: e.target.value })} />
    ) : (
      <TextArea form={F} name={name} label={labels[name]!} error={errors.fields[name]} value={v[name]} maxLength={limit} rows={name === "description" ? 8 : 4} onChange={(e) => setV({ ...v, [name]: e.target.value })} />
    );
  const sendable = !existing || existing.can.submit;
  return (
    <div className="wrap cfp-form">
      <PageHeader title={t(existing ? "cfp.form.editTitle" : "cfp.form.newTitle")} eyebrow={call.event.name} />
      {!call.open ? <Status tone="warning">{t("cfp.form.closedNote")}</Status> : null}
      <form className="card stack" onSubmit={save(false)} noValidate>
        <ErrorSummary form={F} errors={errors} labels={labels} />
        {field("title", "text", LIMITS.titleMax)}
        <SelectField form={F} name="sessionType" label={labels.sessionType!} error={errors.fields.sessionType} value={v.sessionType} options={call.sessionTypes.map((s) => ({ value: s.key, label: t("cfp.call.sessionType", { label: s.label, minutes: s.minutes }) }))} onChange={(e) => setV({ ...v, sessionType: e.target.value })} />
        {field("abstract", "area", LIMITS.abstractMax)}
        {field("description", "area", LIMITS.descriptionMax)}
        {field("notes", "area", LIMITS.notesMax)}
        <fieldset className="field">
          <legend>{labels.topics}</legend>
          {call.tracks.map((tr) => (
            <div key={tr.key}>
              <p className="small muted">{tr.name}</p>
              {tr.topics.map((x) => (
                <CheckboxField key={x} form={F} name={`topic-${tr.key}-${x}`} label={x} checked={v.topics.includes(x)} onChange={(e) => setV({ ...v, topics: e.target.checked ? [...v.topics, x] : v.topics.filter((y) => y !== x) })} />
              ))}
            </div>
          ))}
          {errors.fields.topics ? <p className="field-error">{errors.fields.topics}</p> : null}
        </fieldset>
        {call.questions.map((q) =>
          q.target === "proposal" ? (
            <AnswerField key={q.key} form={F} q={q} value={answers[q.key]} error={errors.fields[`answers.${q.key}`]} onChange={(x) => setAnswers((a) => ({ ...a, [q.key]: x as Answers[string] }))} />
          ) : (
            <AnswerField key={q.key} form={F} q={q} value={speakerAnswers[q.key]} error={errors.fields[`speakerAnswers.${q.key}`]} onChange={(x) => setSpeakerAnswers((a) => ({ ...a, [q.key]: x as Answers[string] }))} />
          ),
        )}
        <TextArea form={F} name="coSpeakers" label={labels.coSpeakers!} hint={t("cfp.form.coSpeakersHint")} error={errors.fields.coSpeakers} value={v.coSpeakers} rows={2} onChange={(e) => setV({ ...v, coSpeakers: e.target.value })} />
        <TextArea form={F} name="conflicts" label={labels.conflicts!} hint={t("cfp.form.conflictsHint")} error={errors.fields.conflicts} value={v.conflicts} rows={2} onChange={(e) => setV({ ...v, conflicts: e.target.value })} />
        {!call.open && call.lateSubmissions ? <TextField form={F} name="accessCode" label={labels.accessCode!} error={errors.fields.accessCode} value={v.accessCode} maxLength={LIMITS.accessCodeMax} onChange={(e) => setV({ ...v, accessCode: e.target.value })} /> : null}
        <p className="button-row">
          <SubmitButton busy={busy} className="button secondary">
            {t("cfp.form.saveDraft")}
          </SubmitButton>
          {sendable ? (
            <button type="button" className="button primary" disabled={busy} onClick={() => save(true)()}>
              {t(existing && existing.state !== "draft" ? "cfp.form.saveSubmitted" : "cfp.form.send")}
            </button>
          ) : null}
        </p>
      </form>
    </div>
  );
}

// ---------------------------------------------------------------- co-speakers and the profile

type Invitations = { invitations: { proposalId: string; title: string; event: string; communitySlug: string; eventSlug: string; invitedBy: string }[] };

export function InvitationsPage() {
  const { t } = useI18n();
  const { user, loading } = useSession();
  const [state, , set] = useLoad((signal) => (user ? get<Invitations>("/cfp/invitations", signal) : Promise.resolve({ invitations: [] })), [user?.id]);
  useTitle(t("cfp.invitations.title"));
  if (loading || state.status === "loading") return <Loading />;
  if (!user) return signInFirst(t);
  if (state.status === "error") return <PageError error={state.error} />;
  const answer = async (i: Invitations["invitations"][number], accept: boolean) => set(await post<Invitations>(`${apiBase(i.communitySlug, i.eventSlug)}/proposals/${i.proposalId}/invitation`, { accept }));
  return (
    <div className="wrap">
      <PageHeader title={t("cfp.invitations.title")} />
      {state.data.invitations.length === 0 ? <p>{t("cfp.invitations.none")}</p> : null}
      <ul className="card-list">
        {state.data.invitations.map((i) => (
          <li key={i.proposalId} className="card stack">
            <p>{t("cfp.invitations.line", { inviter: i.invitedBy, title: i.title, event: i.event })}</p>
            <p className="button-row">
              <button type="button" className="button primary" onClick={() => void answer(i, true)}>
                {t("cfp.invitations.accept")}
              </button>
              <button type="button" className="button secondary" onClick={() => void answer(i, false)}>
                {t("cfp.invitations.decline")}
              </button>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

const PROFILE_FIELDS = ["name", "affiliation", "biography", "photoUrl", "links"] as const;

export function ProfilePage() {
  const { t } = useI18n();
  const { user, loading } = useSession();
  const [state] = useLoad((signal) => (user ? get<ProfileView>("/cfp/profile", signal) : Promise.resolve(null)), [user?.id]);
  useTitle(t("cfp.profile.title"));
  if (loading || state.status === "loading") return <Loading />;
  if (!user) return signInFirst(t);
  if (state.status === "error") return <PageError error={state.error} />;
  return <ProfileForm p={state.data!} />;
}

function ProfileForm({ p }: { p: ProfileView }) {
  const { t } = useI18n();
  const F = "profile";
  const [v, setV] = useState({ name: p.name, affiliation: p.affiliation, biography: p.biography, photoUrl: p.photoUrl ?? "", links: p.links.join("\n") });
  const [saved, setSaved] = useState(false);
  const { busy, errors, run } = useSubmit(PROFILE_FIELDS);
  const labels = { name: t("cfp.profile.name"), affiliation: t("cfp.profile.affiliation"), biography: t("cfp.profile.biography"), photoUrl: t("cfp.profile.photo"), links: t("cfp.profile.links") };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      await api("PUT", "/cfp/profile", check(profileBody, { ...v, photoUrl: v.photoUrl || null, links: splitList(v.links) }));
      setSaved(true);
    });
  };
  return (
    <div className="wrap">
      <PageHeader title={t("cfp.profile.title")} />
      <p>{t("cfp.profile.intro")}</p>
      <Status>{saved ? t("cfp.profile.saved") : null}</Status>
      <form className="card stack" onSubmit={submit} noValidate>
        <ErrorSummary form={F} errors={errors} labels={labels} />
        <TextField form={F} name="name" label={labels.name} error={errors.fields.name} value={v.name} maxLength={LIMITS.textMax} onChange={(e) => setV({ ...v, name: e.target.value })} />
        <TextField form={F} name="affiliation" label={labels.affiliation} error={errors.fields.affiliation} value={v.affiliation} maxLength={LIMITS.textMax} onChange={(e) => setV({ ...v, affiliation: e.target.value })} />
        <TextArea form={F} name="biography" label={labels.biography} error={errors.fields.biography} value={v.biography} maxLength={LIMITS.biographyMax} rows={5} onChange={(e) => setV({ ...v, biography: e.target.value })} />
        <TextField form={F} name="photoUrl" label={labels.photoUrl} error={errors.fields.photoUrl} value={v.photoUrl} type="url" maxLength={LIMITS.urlMax} onChange={(e) => setV({ ...v, photoUrl: e.target.value })} />
        <TextArea form={F} name="links" label={labels.links} hint={t("cfp.profile.linksHint")} error={errors.fields.links} value={v.links} rows={3} onChange={(e) => setV({ ...v, links: e.target.value })} />
        <SubmitButton busy={busy}>{t("cfp.profile.save")}</SubmitButton>
      </form>
    </div>
  );
}
