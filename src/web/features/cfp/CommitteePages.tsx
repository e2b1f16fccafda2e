import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import type { MessageId } from "../../../shared/i18n/catalogue.js";
import { BIDS, DECISIONS, PHASES, type Bid, type Decision } from "../../../server/features/cfp/rules.js";
import { assignmentBody, LIMITS, reviewBody, settingsBody, type AssignmentPreview, type CommitteeList, type CommitteeProposal, type SettingsBody, type SettingsView } from "../../../server/features/cfp/schema.js";
import { api, del, get, post, query } from "../../app/api.js";
import { CheckboxField, ErrorSummary, SelectField, Status, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { fmt, useI18n } from "../../app/i18n.js";
import { Loading, PageError, PageHeader } from "../../app/layout.js";
import { ACTION_LABEL, apiBase, P, pageBase, STATE_LABEL } from "./shared.js";

const PHASE_LABEL: Record<(typeof PHASES)[number], MessageId> = { closed: "cfp.phase.closed", bidding: "cfp.phase.bidding", reviewing: "cfp.phase.reviewing", discussion: "cfp.phase.discussion", decision: "cfp.phase.decision" };
const BID_LABEL: Record<Bid, MessageId> = { eager: "cfp.bid.eager", willing: "cfp.bid.willing", not_willing: "cfp.bid.notWilling", conflict: "cfp.bid.conflict" };
const score = (n: number | null) => (n === null ? P.none : fmt.number(Math.round(n * 100) / 100));

/** The committee's list: what the server lets this member see (conflicts never, speakers only if not blind). */
export function CommitteePage() {
  const { t } = useI18n();
  const { community = "", event = "" } = useParams();
  const base = apiBase(community, event);
  const [q, setQ] = useState("");
  const [todo, setTodo] = useState(false);
  const [state, reload, set] = useLoad((signal) => get<CommitteeList>(`${base}/committee/proposals${query({ q: q || undefined, todo: todo ? "1" : undefined })}`, signal), [base, q, todo]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  useTitle(t("cfp.committee.title"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("cfp.call.what")} />;
  const list = state.data;
  const here = pageBase(community, event);
  const attempt = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const decide = (decision: Decision, ids: string[]) => attempt(() => post(`${base}/committee/decisions`, { decision, proposalIds: ids }));
  const bid = async (p: CommitteeProposal, value: string) => {
    setError(null);
    try {
      const next = await api<CommitteeProposal>("PUT", `${base}/committee/proposals/${p.id}/bid`, { bid: value || null });
      set({ ...list, proposals: list.proposals.map((x) => (x.id === p.id ? next : x)) });
    } catch {
      // A conflict bid hides the proposal: the list is read again without it.
      reload();
    }
  };
  return (
    <div className="wrap cfp-committee">
      <PageHeader title={t("cfp.committee.title")} eyebrow={<Link to={here}>{t("cfp.call.title")}</Link>} />
      <p>
        {t("cfp.committee.phaseNow", { phase: t(PHASE_LABEL[list.phase]) })}
        {list.blind ? P.space + t("cfp.committee.blindNote") : null}
      </p>
      {list.chair ? (
        <div className="button-row">
          <SelectField form="phase" name="phase" label={t("cfp.committee.phase")} value={list.phase} options={PHASES.map((p) => ({ value: p, label: t(PHASE_LABEL[p]) }))} onChange={(e) => void attempt(() => api("PUT", `${base}/phase`, { phase: e.target.value }))} />
          <Link className="button secondary" to={`${here}/settings`}>
            {t("cfp.settings.title")}
          </Link>
          <Link className="button secondary" to={`${here}/committee/assignment`}>
            {t("cfp.assign.title")}
          </Link>
          <Link className="button secondary" to={`${here}/committee/conflicts`}>
            {t("cfp.conflicts.title")}
          </Link>
          <a className="button secondary" href={`/api/v1${base}/committee/proposals.csv`}>
            {t("cfp.committee.csv")}
          </a>
        </div>
      ) : null}
      {error ? <div className="notice notice-error" role="alert">{error}</div> : null}
      <TextField form="search" name="q" label={t("cfp.committee.search")} value={q} maxLength={LIMITS.textMax} onChange={(e) => setQ(e.target.value)} />
      <CheckboxField form="search" name="todo" label={t("cfp.committee.todo")} checked={todo} onChange={(e) => setTodo(e.target.checked)} />
      {list.chair && picked.size ? (
        <p className="button-row">
          {DECISIONS.map((d) => (
            <button key={d} type="button" className="button secondary" onClick={() => void decide(d, [...picked]).then(() => setPicked(new Set()))}>
              {t("cfp.committee.bulk", { action: t(ACTION_LABEL[d]), count: picked.size })}
            </button>
          ))}
        </p>
      ) : null}
      {list.proposals.length === 0 ? <p>{t("cfp.committee.none")}</p> : null}
      <div className="table-wrap">
        <table>
          <caption>{t("cfp.committee.caption", { count: list.proposals.length })}</caption>
          <thead>
            <tr>
              {list.chair ? <th scope="col">{t("cfp.committee.pick")}</th> : null}
              <th scope="col">{t("cfp.form.titleLabel")}</th>
              <th scope="col">{t("cfp.committee.state")}</th>
              <th scope="col">{t("cfp.committee.speakers")}</th>
              <th scope="col">{t("cfp.committee.reviews")}</th>
              <th scope="col">{t("cfp.committee.mean")}</th>
              {list.chair ? <th scope="col">{t("cfp.committee.calibrated")}</th> : null}
              <th scope="col">{t("cfp.committee.myBid")}</th>
              {list.chair ? <th scope="col">{t("cfp.committee.decide")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {list.proposals.map((p) => (
              <tr key={p.id}>
                {list.chair ? (
                  <td>
                    <input type="checkbox" aria-label={t("cfp.committee.pickOne", { title: p.title })} checked={picked.has(p.id)} onChange={(e) => setPicked((s) => (e.target.checked ? new Set([...s, p.id]) : new Set([...s].filter((x) => x !== p.id))))} />
                  </td>
                ) : null}
                <td>
                  <Link to={`${here}/committee/proposals/${p.id}`}>{p.title}</Link>
                  {p.assignedToMe ? <span className="badge">{t("cfp.committee.assigned")}</span> : null}
                  {p.demo ? <span className="badge">{t("cfp.demoBadge")}</span> : null}
                </td>
                <td>{t(STATE_LABEL[p.state])}</td>
                <td>{p.speakers ? p.speakers.map((s) => s.name).join(P.comma) : t("cfp.committee.hidden")}</td>
                <td>{p.reviewCount}</td>
                <td>{p.mean === null ? P.none : t("cfp.committee.meanSpread", { mean: score(p.mean), spread: score(p.spread) })}</td>
                {list.chair ? <td>{score(p.calibrated)}</td> : null}
                <td>
                  <select aria-label={t("cfp.committee.bidOn", { title: p.title })} value={p.myBid ?? ""} disabled={list.phase !== "bidding"} onChange={(e) => void bid(p, e.target.value)}>
                    <option value="">{t("cfp.bid.none")}</option>
                    {BIDS.map((b) => (
                      <option key={b} value={b}>
                        {t(BID_LABEL[b])}
                      </option>
                    ))}
                  </select>
                </td>
                {list.chair ? (
                  <td className="button-row">
                    {DECISIONS.filter((d) => p.can[d]).map((d) => (
                      <button key={d} type="button" className="link-button" onClick={() => void decide(d, [p.id])}>
                        {t(ACTION_LABEL[d])}
                      </button>
                    ))}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.chair ? <p className="muted small">{t("cfp.committee.calibratedHow")}</p> : null}
    </div>
  );
}

/** One proposal: the review form (every criterion on its labelled scale) and, once the reader's review is in, the others'. */
export function CommitteeProposalPage() {
  const { t } = useI18n();
  const { community = "", event = "", proposal = "" } = useParams();
  const base = apiBase(community, event);
  const [state, reload] = useLoad(async (signal) => ({ p: await get<CommitteeProposal>(`${base}/committee/proposals/${proposal}`, signal), list: await get<CommitteeList>(`${base}/committee/proposals?state=submitted`, signal) }), [base, proposal]);
  const [gone, setGone] = useState(false);
  useTitle(state.status === "ok" ? state.data.p.title : t("cfp.committee.title"));
  if (gone) return <Status tone="info">{t("cfp.review.conflictDeclared")}</Status>;
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("cfp.review.what")} />;
  const { p, list } = state.data;
  return (
    <div className="wrap cfp-proposal">
      <PageHeader title={p.title} eyebrow={<Link to={`${pageBase(community, event)}/committee`}>{t("cfp.committee.title")}</Link>} />
      <section className="card stack">
        <p>
          <span className="badge">{t(STATE_LABEL[p.state])}</span>
          {P.space + p.sessionType + (p.topics.length ? P.dot + p.topics.join(P.comma) : "")}
        </p>
        <p>{p.speakers ? t("cfp.review.by", { names: p.speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name)).join(P.comma) }) : t("cfp.committee.hidden")}</p>
        <h2>{t("cfp.form.abstract")}</h2>
        <p className="pre-wrap">{p.abstract}</p>
        {p.description ? (
          <>
            <h2>{t("cfp.form.description")}</h2>
            <p className="pre-wrap">{p.description}</p>
          </>
        ) : null}
        {p.notes ? (
          <>
            <h2>{t("cfp.form.notes")}</h2>
            <p className="pre-wrap">{p.notes}</p>
          </>
        ) : null}
        <button
          type="button"
          className="link-button"
          onClick={() =>
            void post(`${base}/committee/proposals/${p.id}/conflict`)
              .then(() => setGone(true))
              .catch(() => reload())
          }
        >
          {t("cfp.review.declareConflict")}
        </button>
      </section>
      <ReviewForm p={p} criteria={list.criteria} base={base} onSaved={reload} />
      {p.reviews ? (
        <section className="card stack" aria-labelledby="reviews-title">
          <h2 id="reviews-title">{t("cfp.review.others")}</h2>
          {p.reviews.map((r) => (
            <div key={r.reviewerId}>
              <h3>{t("cfp.review.line", { name: r.reviewer, score: score(r.score), confidence: r.confidence })}</h3>
              {r.commentForSpeakers ? <p className="pre-wrap">{r.commentForSpeakers}</p> : null}
              {r.commentForCommittee ? <p className="pre-wrap muted">{r.commentForCommittee}</p> : null}
            </div>
          ))}
        </section>
      ) : (
        <p className="muted">{t("cfp.review.othersAfter")}</p>
      )}
    </div>
  );
}

function ReviewForm({ p, criteria, base, onSaved }: { p: CommitteeProposal; criteria: CommitteeList["criteria"]; base: string; onSaved: () => void }) {
  const { t } = useI18n();
  const F = "review";
  const mine = p.myReview;
  const [scores, setScores] = useState<Record<string, number>>(mine?.scores ?? {});
  const [v, setV] = useState({ confidence: String(mine?.confidence ?? 3), commentForSpeakers: mine?.commentForSpeakers ?? "", commentForCommittee: mine?.commentForCommittee ?? "" });
  const [saved, setSaved] = useState(false);
  const known = ["confidence", "commentForSpeakers", "commentForCommittee", ...criteria.map((c) => `scores.${c.key}`)];
  const { busy, errors, run } = useSubmit(known);
  const labels: Record<string, string> = { confidence: t("cfp.review.confidence"), commentForSpeakers: t("cfp.review.forSpeakers"), commentForCommittee: t("cfp.review.forCommittee"), ...Object.fromEntries(criteria.map((c) => [`scores.${c.key}`, c.label])) };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      await api("PUT", `${base}/committee/proposals/${p.id}/review`, check(reviewBody, { scores, confidence: Number(v.confidence), commentForSpeakers: v.commentForSpeakers, commentForCommittee: v.commentForCommittee }));
      setSaved(true);
      onSaved();
    });
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="review-title">
      <h2 id="review-title">{t("cfp.review.title")}</h2>
      <Status>{saved ? t("cfp.review.saved") : null}</Status>
      <ErrorSummary form={F} errors={errors} labels={labels} />
      {criteria.map((c) => (
        <SelectField
          key={c.key}
          form={F}
          name={`scores.${c.key}`}
          label={t("cfp.review.criterion", { label: c.label, weight: c.weight })}
          error={errors.fields[`scores.${c.key}`]}
          value={scores[c.key] === undefined ? "" : String(scores[c.key])}
          options={[{ value: "", label: P.none }, ...c.scale.map((s) => ({ value: String(s.value), label: t("cfp.review.point", { value: s.value, label: s.label }) }))]}
          onChange={(e) => setScores((x) => (e.target.value === "" ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== c.key)) : { ...x, [c.key]: Number(e.target.value) }))}
        />
      ))}
      <SelectField form={F} name="confidence" label={labels.confidence!} error={errors.fields.confidence} value={v.confidence} options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: fmt.number(n) }))} onChange={(e) => setV({ ...v, confidence: e.target.value })} />
      <TextArea form={F} name="commentForSpeakers" label={labels.commentForSpeakers!} error={errors.fields.commentForSpeakers} value={v.commentForSpeakers} maxLength={LIMITS.commentMax} rows={4} onChange={(e) => setV({ ...v, commentForSpeakers: e.target.value })} />
      <TextArea form={F} name="commentForCommittee" label={labels.commentForCommittee!} error={errors.fields.commentForCommittee} value={v.commentForCommittee} maxLength={LIMITS.commentMax} rows={3} onChange={(e) => setV({ ...v, commentForCommittee: e.target.value })} />
      <SubmitButton busy={busy}>{t("cfp.review.save")}</SubmitButton>
    </form>
  );
}

/** The chair's assignment: k, loads, run the solver, see the preview (loads, short proposals, optimal or not), apply. */
export function AssignmentPage() {
  const { t } = useI18n();
  const { community = "", event = "" } = useParams();
  const base = apiBase(community, event);
  const F = "assign";
  const [v, setV] = useState({ reviewsPerProposal: "3", maxLoad: "6", minLoad: "0" });
  const [preview, setPreview] = useState<AssignmentPreview | null>(null);
  const [applied, setApplied] = useState<{ added: number; mailed: number } | null>(null);
  const { busy, errors, run } = useSubmit(["reviewsPerProposal", "maxLoad", "minLoad"]);
  const labels = { reviewsPerProposal: t("cfp.assign.k"), maxLoad: t("cfp.assign.maxLoad"), minLoad: t("cfp.assign.minLoad") };
  useTitle(t("cfp.assign.title"));
  const solve = (e: FormEvent) => {
    e.preventDefault();
    setApplied(null);
    void run(async () => setPreview(await post<AssignmentPreview>(`${base}/committee/assignment/preview`, check(assignmentBody, { reviewsPerProposal: Number(v.reviewsPerProposal), maxLoad: Number(v.maxLoad), minLoad: Number(v.minLoad) }))));
  };
  const apply = () => void run(async () => setApplied(await post(`${base}/committee/assignment`, { assignments: preview!.assignments.map(({ proposalId, userId }) => ({ proposalId, userId })) })));
  const nameOf = new Map(preview?.loads.map((l) => [l.userId, l.name]));
  return (
    <div className="wrap cfp-assign">
      <PageHeader title={t("cfp.assign.title")} eyebrow={<Link to={`${pageBase(community, event)}/committee`}>{t("cfp.committee.title")}</Link>} />
      <p>{t("cfp.assign.intro")}</p>
      <form className="card stack" onSubmit={solve} noValidate>
        <ErrorSummary form={F} errors={errors} labels={labels} />
        {(["reviewsPerProposal", "maxLoad", "minLoad"] as const).map((k) => (
          <TextField key={k} form={F} name={k} label={labels[k]} type="number" min={0} error={errors.fields[k]} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />
        ))}
        <SubmitButton busy={busy}>{t("cfp.assign.run")}</SubmitButton>
      </form>
      {applied ? <Status>{t("cfp.assign.applied", { added: applied.added, mailed: applied.mailed })}</Status> : null}
      {preview ? (
        <section className="card stack" aria-labelledby="preview-title">
          <h2 id="preview-title">{t("cfp.assign.preview")}</h2>
          <p>{t("cfp.assign.status", { status: preview.status, objective: score(preview.objective), seconds: score(preview.seconds), count: preview.assignments.length })}</p>
          <h3>{t("cfp.assign.loads")}</h3>
          <ul>
            {preview.loads.map((l) => (
              <li key={l.userId}>{t("cfp.assign.load", { name: l.name, load: l.load, max: l.maxLoad })}</li>
            ))}
          </ul>
          {preview.short.length ? (
            <>
              <h3>{t("cfp.assign.short")}</h3>
              <ul>
                {preview.short.map((s) => (
                  <li key={s.proposalId}>{t("cfp.assign.shortLine", { title: s.title, missing: s.missing, reason: s.reason })}</li>
                ))}
              </ul>
            </>
          ) : null}
          <h3>{t("cfp.assign.pairs")}</h3>
          <ul>
            {preview.assignments.map((a) => (
              <li key={`${a.proposalId}-${a.userId}`}>{t("cfp.assign.pair", { name: nameOf.get(a.userId) ?? "", affinity: score(a.affinity) })}</li>
            ))}
          </ul>
          {preview.assignments.length ? (
            <button type="button" className="button primary" disabled={busy} onClick={apply}>
              {t("cfp.assign.apply")}
            </button>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

type Conflicts = { conflicts: { proposalId: string; title: string; userId: string; name: string; source: string }[] };
const DECLARED = new Set(["reviewer", "speaker", "chair"]);

/** The chair's view of every conflict (declared and automatic), adding and lifting declared ones. */
export function ConflictsPage() {
  const { t } = useI18n();
  const { community = "", event = "" } = useParams();
  const base = apiBase(community, event);
  const [state, reload, set] = useLoad(async (signal) => ({ c: await get<Conflicts>(`${base}/committee/conflicts`, signal), list: await get<CommitteeList>(`${base}/committee/proposals`, signal), members: await get<{ members: { userId: string; name: string }[] }>(`${base}/committee`, signal) }), [base]);
  const [v, setV] = useState({ proposalId: "", userId: "" });
  const { busy, errors, run } = useSubmit(["proposalId", "userId"]);
  useTitle(t("cfp.conflicts.title"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} />;
  const { c, list, members } = state.data;
  const labels = { proposalId: t("cfp.conflicts.proposal"), userId: t("cfp.conflicts.member") };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => set({ ...state.data, c: await post<Conflicts>(`${base}/committee/conflicts`, v) }));
  };
  return (
    <div className="wrap">
      <PageHeader title={t("cfp.conflicts.title")} eyebrow={<Link to={`${pageBase(community, event)}/committee`}>{t("cfp.committee.title")}</Link>} />
      <p>{t("cfp.conflicts.intro")}</p>
      <ul>
        {c.conflicts.map((x) => (
          <li key={`${x.proposalId}-${x.userId}`}>
            {t("cfp.conflicts.line", { name: x.name, title: x.title, source: x.source }) + P.space}
            {DECLARED.has(x.source) ? (
              <button type="button" className="link-button" onClick={() => void del(`${base}/committee/conflicts/${x.proposalId}/${x.userId}`).then(reload)}>
                {t("cfp.conflicts.lift")}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <form className="card stack" onSubmit={add} noValidate>
        <ErrorSummary form="conflict" errors={errors} labels={labels} />
        <SelectField form="conflict" name="proposalId" label={labels.proposalId} error={errors.fields.proposalId} value={v.proposalId} options={[{ value: "", label: P.none }, ...list.proposals.map((p) => ({ value: p.id, label: p.title }))]} onChange={(e) => setV({ ...v, proposalId: e.target.value })} />
        <SelectField form="conflict" name="userId" label={labels.userId} error={errors.fields.userId} value={v.userId} options={[{ value: "", label: P.none }, ...members.members.map((m) => ({ value: m.userId, label: m.name }))]} onChange={(e) => setV({ ...v, userId: e.target.value })} />
        <SubmitButton busy={busy}>{t("cfp.conflicts.add")}</SubmitButton>
      </form>
    </div>
  );
}

const SETTINGS_FIELDS = ["opensAt", "closesAt", "sessionTypes", "tracks", "maxProposalsPerSpeaker", "lateAccessCode", "blind", "page"] as const;
const ZONES = ["event", "aoe"] as const;
const lines = (s: string) =>
  s
    .split("\n")
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * The chair's settings of the call: dates (in the event's zone or Anywhere on Earth), session
 * types, tracks and their topics, the limit per speaker, the late access code, blind review and
 * the page. Questions and review criteria are kept as they are (set through the API).
 */
export function CallSettingsPage() {
  const { t } = useI18n();
  const { community = "", event = "" } = useParams();
  const base = apiBase(community, event);
  const [state] = useLoad((signal) => get<SettingsView>(`${base}/settings`, signal), [base]);
  useTitle(t("cfp.settings.title"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("cfp.call.what")} />;
  return <CallSettingsForm s={state.data} base={base} back={`${pageBase(community, event)}/committee`} />;
}

function CallSettingsForm({ s, base, back }: { s: SettingsView; base: string; back: string }) {
  const { t } = useI18n();
  const F = "settings";
  const [v, setV] = useState({
    opensAt: s.opensAtInput?.local ?? "",
    closesAt: s.closesAtInput?.local ?? "",
    zone: s.closesAtInput?.zone ?? s.opensAtInput?.zone ?? "event",
    sessionTypes: s.sessionTypes.map((x) => `${x.key} | ${x.label} | ${x.minutes}`).join("\n"),
    tracks: s.tracks.map((x) => [`${x.key} | ${x.name}`, ...x.topics.map((topic) => `- ${topic}`)].join("\n")).join("\n"),
    maxProposalsPerSpeaker: s.maxProposalsPerSpeaker === null ? "" : String(s.maxProposalsPerSpeaker),
    lateAccessCode: s.lateAccessCode ?? "",
    blind: s.blind,
    page: s.page,
  });
  const [saved, setSaved] = useState(false);
  const { busy, errors, run } = useSubmit(SETTINGS_FIELDS);
  const labels = {
    opensAt: t("cfp.settings.opensAt"),
    closesAt: t("cfp.settings.closesAt"),
    sessionTypes: t("cfp.call.sessionTypes"),
    tracks: t("cfp.call.tracks"),
    maxProposalsPerSpeaker: t("cfp.settings.maxPerSpeaker"),
    lateAccessCode: t("cfp.settings.accessCode"),
    blind: t("cfp.settings.blind"),
    page: t("cfp.settings.page"),
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      const sessionTypes = lines(v.sessionTypes).map((l) => {
        const [key = "", label = "", minutes = ""] = l.split("|").map((x) => x.trim());
        return { key, label, minutes: Number(minutes) };
      });
      const tracks: SettingsBody["tracks"] = [];
      for (const l of lines(v.tracks)) {
        if (l.startsWith("-")) tracks.at(-1)?.topics.push(l.slice(1).trim());
        else {
          const [key = "", name = ""] = l.split("|").map((x) => x.trim());
          tracks.push({ key, name, topics: [] });
        }
      }
      const at = (local: string) => (local ? { local, zone: v.zone } : null);
      const body = check(settingsBody, {
        opensAt: at(v.opensAt),
        closesAt: at(v.closesAt),
        sessionTypes,
        tracks,
        questions: s.questions,
        criteria: s.criteria,
        maxProposalsPerSpeaker: v.maxProposalsPerSpeaker ? Number(v.maxProposalsPerSpeaker) : null,
        lateAccessCode: v.lateAccessCode || null,
        blind: v.blind,
        page: v.page,
      });
      await api("PUT", `${base}/settings`, body);
      setSaved(true);
    });
  };
  return (
    <div className="wrap cfp-settings">
      <PageHeader title={t("cfp.settings.title")} eyebrow={<Link to={back}>{t("cfp.committee.title")}</Link>} />
      <Status>{saved ? t("cfp.settings.saved") : null}</Status>
      <form className="card stack" onSubmit={submit} noValidate>
        <ErrorSummary form={F} errors={errors} labels={labels} />
        <SelectField form={F} name="zone" label={t("cfp.settings.zone")} value={v.zone} options={ZONES.map((z) => ({ value: z, label: z === "aoe" ? t("cfp.call.deadlineAoe") : t("cfp.settings.eventZone", { zone: s.event.timeZone }) }))} onChange={(e) => setV({ ...v, zone: e.target.value as (typeof ZONES)[number] })} />
        <TextField form={F} name="opensAt" label={labels.opensAt} type="datetime-local" error={errors.fields.opensAt} value={v.opensAt} onChange={(e) => setV({ ...v, opensAt: e.target.value })} />
        <TextField form={F} name="closesAt" label={labels.closesAt} hint={t("cfp.settings.closesAtHint")} type="datetime-local" error={errors.fields.closesAt} value={v.closesAt} onChange={(e) => setV({ ...v, closesAt: e.target.value })} />
        <TextArea form={F} name="sessionTypes" label={labels.sessionTypes} hint={t("cfp.settings.sessionTypesHint")} error={errors.fields.sessionTypes} value={v.sessionTypes} rows={4} onChange={(e) => setV({ ...v, sessionTypes: e.target.value })} />
        <TextArea form={F} name="tracks" label={labels.tracks} hint={t("cfp.settings.tracksHint")} error={errors.fields.tracks} value={v.tracks} rows={10} onChange={(e) => setV({ ...v, tracks: e.target.value })} />
        <TextField form={F} name="maxProposalsPerSpeaker" label={labels.maxProposalsPerSpeaker} type="number" min={1} error={errors.fields.maxProposalsPerSpeaker} value={v.maxProposalsPerSpeaker} onChange={(e) => setV({ ...v, maxProposalsPerSpeaker: e.target.value })} />
        <TextField form={F} name="lateAccessCode" label={labels.lateAccessCode} error={errors.fields.lateAccessCode} value={v.lateAccessCode} maxLength={LIMITS.accessCodeMax} onChange={(e) => setV({ ...v, lateAccessCode: e.target.value })} />
        <CheckboxField form={F} name="blind" label={labels.blind} checked={v.blind} onChange={(e) => setV({ ...v, blind: e.target.checked })} />
        <TextArea form={F} name="page" label={labels.page} hint={t("cfp.settings.pageHint")} error={errors.fields.page} value={v.page} maxLength={LIMITS.pageMax} rows={10} onChange={(e) => setV({ ...v, page: e.target.value })} />
        <SubmitButton busy={busy}>{t("cfp.settings.save")}</SubmitButton>
      </form>
    </div>
  );
}
