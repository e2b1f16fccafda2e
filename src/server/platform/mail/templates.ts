/**
 * Mail templates: plain text and HTML for each locale. Variables are filled by name;
 * every value is HTML-escaped in the HTML part, so a name like "<b>" prints as written.
 */
export const LOCALES = ["en", "de"] as const;
export type Locale = (typeof LOCALES)[number];

export interface Template {
  subject: string;
  /** Paragraphs; `{{var}}` placeholders. A paragraph that is only `{{link}}` becomes a button. */
  body: string[];
}

const templates = {
  "account.verify": {
    en: { subject: "Confirm your email address for {{site}}", body: ["Hello {{name}},", "please confirm that this address is yours by opening this link (valid for 24 hours):", "{{link}}", "If you did not sign up, ignore this message."] },
    de: { subject: "Bestätigen Sie Ihre E-Mail-Adresse für {{site}}", body: ["Hallo {{name}},", "bitte bestätigen Sie diese Adresse mit folgendem Link (24 Stunden gültig):", "{{link}}", "Wenn Sie sich nicht registriert haben, ignorieren Sie diese Nachricht."] },
  },
  "account.signin-link": {
    en: { subject: "Your sign-in link for {{site}}", body: ["Hello {{name}},", "open this link to sign in (valid for 15 minutes, once):", "{{link}}", "If you did not ask for it, ignore this message."] },
    de: { subject: "Ihr Anmeldelink für {{site}}", body: ["Hallo {{name}},", "mit diesem Link melden Sie sich an (15 Minuten gültig, einmalig):", "{{link}}", "Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese Nachricht."] },
  },
  "account.reset": {
    en: { subject: "Reset your password for {{site}}", body: ["Hello {{name}},", "open this link to choose a new password (valid for 1 hour, once):", "{{link}}", "If you did not ask for it, your password stays as it is."] },
    de: { subject: "Passwort für {{site}} zurücksetzen", body: ["Hallo {{name}},", "mit diesem Link wählen Sie ein neues Passwort (1 Stunde gültig, einmalig):", "{{link}}", "Wenn Sie das nicht angefordert haben, bleibt Ihr Passwort unverändert."] },
  },
  "registration.verify": {
    en: { subject: "Confirm your invitation request for {{event}}", body: ["Hello {{name}},", "we received a request for an invitation to {{event}} from this address. Please confirm it is yours by opening this link (valid for 24 hours):", "{{link}}", "If you did not ask for an invitation, ignore this message and nothing happens."] },
    de: { subject: "Bestätigen Sie Ihre Einladungsanfrage für {{event}}", body: ["Hallo {{name}},", "wir haben von dieser Adresse eine Anfrage für eine Einladung zu {{event}} erhalten. Bitte bestätigen Sie sie mit diesem Link (24 Stunden gültig):", "{{link}}", "Wenn Sie keine Einladung angefragt haben, ignorieren Sie diese Nachricht."] },
  },
  "registration.received": {
    en: { subject: "We received your invitation request for {{event}}", body: ["Hello {{name}},", "thank you for your request for an invitation to {{event}}. You will have our answer by {{answerBy}}.", "You can see its status, or withdraw it, here:", "{{link}}"] },
    de: { subject: "Ihre Einladungsanfrage für {{event}} ist eingegangen", body: ["Hallo {{name}},", "danke für Ihre Anfrage für eine Einladung zu {{event}}. Sie erhalten unsere Antwort bis {{answerBy}}.", "Den Stand sehen oder die Anfrage zurückziehen können Sie hier:", "{{link}}"] },
  },
  "registration.status-link": {
    en: { subject: "Your invitation request for {{event}}", body: ["Hello {{name}},", "someone (probably you) tried to request an invitation to {{event}} again. You already have a request; its status is here:", "{{link}}"] },
    de: { subject: "Ihre Einladungsanfrage für {{event}}", body: ["Hallo {{name}},", "jemand (vermutlich Sie) hat erneut eine Einladung zu {{event}} angefragt. Sie haben bereits eine Anfrage; ihren Stand finden Sie hier:", "{{link}}"] },
  },
  "registration.invited": {
    en: { subject: "You are invited to {{event}}", body: ["Hello {{name}},", "we are happy to invite you to {{event}}. Please confirm your place by {{confirmBy}}; after that the place goes to the next person on the waiting list.", "{{feeLine}}", "{{link}}", "{{message}}"] },
    de: { subject: "Sie sind zu {{event}} eingeladen", body: ["Hallo {{name}},", "wir laden Sie gern zu {{event}} ein. Bitte bestätigen Sie Ihren Platz bis {{confirmBy}}; danach geht er an die nächste Person auf der Warteliste.", "{{feeLine}}", "{{link}}", "{{message}}"] },
  },
  "registration.waitlisted": {
    en: { subject: "You are on the waiting list for {{event}}", body: ["Hello {{name}},", "{{event}} is full for now, so we have put you on the waiting list. If a place frees up, you will be invited automatically and we will write to you.", "{{link}}", "{{message}}"] },
    de: { subject: "Sie stehen auf der Warteliste für {{event}}", body: ["Hallo {{name}},", "{{event}} ist derzeit voll, daher stehen Sie auf der Warteliste. Wird ein Platz frei, werden Sie automatisch eingeladen und benachrichtigt.", "{{link}}", "{{message}}"] },
  },
  "registration.declined": {
    en: { subject: "Your invitation request for {{event}}", body: ["Hello {{name}},", "thank you for your interest in {{event}}. We are sorry that we cannot invite you this time.", "{{message}}"] },
    de: { subject: "Ihre Einladungsanfrage für {{event}}", body: ["Hallo {{name}},", "danke für Ihr Interesse an {{event}}. Leider können wir Sie diesmal nicht einladen.", "{{message}}"] },
  },
  "registration.confirmed": {
    en: { subject: "Your place at {{event}} is confirmed", body: ["Hello {{name}},", "your place at {{event}} is confirmed. Your check-in code is {{checkinCode}}: show it at the door.", "{{feeLine}}", "{{link}}"] },
    de: { subject: "Ihr Platz bei {{event}} ist bestätigt", body: ["Hallo {{name}},", "Ihr Platz bei {{event}} ist bestätigt. Ihr Check-in-Code lautet {{checkinCode}}; zeigen Sie ihn am Eingang.", "{{feeLine}}", "{{link}}"] },
  },
  "registration.reminder": {
    en: { subject: "Reminder: confirm your place at {{event}} by {{confirmBy}}", body: ["Hello {{name}},", "your invitation to {{event}} is waiting for your confirmation. Please confirm by {{confirmBy}}, or the place goes to the next person on the waiting list.", "{{link}}"] },
    de: { subject: "Erinnerung: Bestätigen Sie Ihren Platz bei {{event}} bis {{confirmBy}}", body: ["Hallo {{name}},", "Ihre Einladung zu {{event}} wartet auf Ihre Bestätigung. Bitte bestätigen Sie bis {{confirmBy}}, sonst geht der Platz an die nächste Person auf der Warteliste.", "{{link}}"] },
  },
  "registration.expired": {
    en: { subject: "Your invitation to {{event}} has expired", body: ["Hello {{name}},", "your invitation to {{event}} was not confirmed by {{confirmBy}}, so it has expired and the place has gone to someone on the waiting list.", "{{link}}"] },
    de: { subject: "Ihre Einladung zu {{event}} ist abgelaufen", body: ["Hallo {{name}},", "Ihre Einladung zu {{event}} wurde nicht bis {{confirmBy}} bestätigt; sie ist abgelaufen und der Platz ging an die Warteliste.", "{{link}}"] },
  },
  "registration.cancelled": {
    en: { subject: "Your place at {{event}} has been cancelled", body: ["Hello {{name}},", "the organisers of {{event}} have cancelled your invitation or place.", "{{message}}", "{{link}}"] },
    de: { subject: "Ihr Platz bei {{event}} wurde storniert", body: ["Hallo {{name}},", "das Organisationsteam von {{event}} hat Ihre Einladung bzw. Ihren Platz storniert.", "{{message}}", "{{link}}"] },
  },
  "registration.stipend": {
    en: { subject: "Your travel stipend request for {{event}}", body: ["Hello {{name}},", "{{message}}", "{{link}}"] },
    de: { subject: "Ihr Reisekostenzuschuss für {{event}}", body: ["Hallo {{name}},", "{{message}}", "{{link}}"] },
  },
  "webhooks.endpoint-disabled": {
    en: { subject: "Webhook endpoint disabled for {{community}}", body: ["Hello,", "the webhook endpoint {{url}} of {{community}} has been disabled: deliveries to it kept failing for more than a day. The last answer was: {{lastError}}", "No events are sent to it until an organiser enables it again; the deliveries that were waiting are kept and go out, in order, once it is enabled.", "{{link}}"] },
    de: { subject: "Webhook-Endpunkt für {{community}} deaktiviert", body: ["Hallo,", "der Webhook-Endpunkt {{url}} von {{community}} wurde deaktiviert: Zustellungen an ihn schlugen über einen Tag lang fehl. Die letzte Antwort war: {{lastError}}", "Bis ein Organisator ihn wieder aktiviert, werden keine Ereignisse an ihn gesendet; die wartenden Zustellungen bleiben erhalten und gehen nach der Aktivierung in ihrer Reihenfolge hinaus.", "{{link}}"] },
  },
} satisfies Record<string, Record<Locale, Template>>;

export type TemplateName = keyof typeof templates;

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function fill(s: string, vars: Record<string, string>, esc: (x: string) => string): string {
  return s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => {
    const v = vars[k];
    if (v === undefined) throw new Error(`mail template variable '${k}' was not given`);
    return esc(v);
  });
}

/** HTML part: the template's own words are escaped as well as the values, since organisers may write templates. */
function fillHtml(s: string, vars: Record<string, string>): string {
  return s
    .split(/(\{\{\w+\}\})/)
    .map((part) => (/^\{\{\w+\}\}$/.test(part) ? fill(part, vars, escapeHtml) : escapeHtml(part)))
    .join("");
}

/** The built-in wording of a template in a locale (English when the locale is not offered). */
export function templateSource(name: TemplateName, locale: string): Template {
  const byLocale = templates[name] as Record<Locale, Template>;
  return byLocale[(LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : "en"];
}

/** The `{{var}}` names a piece of template text uses, for checking an organiser's wording before it is saved. */
export function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
}

/**
 * Renders any template (built-in or an organiser's per-event wording) with the same rules.
 * A paragraph that fills to nothing (an empty optional `{{message}}`) is left out.
 */
export function renderTemplate(t: Template, vars: Record<string, string>): Rendered {
  const subject = fill(t.subject, vars, (x) => x);
  const body = t.body.filter((p) => fill(p, vars, (x) => x).trim() !== "");
  const text = body.map((p) => fill(p, vars, (x) => x)).join("\n\n") + "\n";
  const paragraphs = body.map((p) =>
    p === "{{link}}"
      ? `<p><a href="${escapeHtml(vars.link ?? "")}" style="display:inline-block;background:#24529b;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(vars.linkLabel ?? vars.link ?? "")}</a></p><p style="font-size:13px;color:#555">${escapeHtml(vars.link ?? "")}</p>`
      : `<p>${fillHtml(p, vars)}</p>`,
  );
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1f24;max-width:36rem">${paragraphs.join("")}</body></html>`;
  return { subject, text, html };
}

export function render(name: TemplateName, locale: string, vars: Record<string, string>): Rendered {
  return renderTemplate(templateSource(name, locale), vars);
}
