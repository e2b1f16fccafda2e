/**
 * Mail templates: plain text and HTML for each locale. Variables are filled by name;
 * every value is HTML-escaped in the HTML part, so a name like "<b>" prints as written.
 */
export const LOCALES = ["en", "de"] as const;
export type Locale = (typeof LOCALES)[number];

interface Template {
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

export function render(name: TemplateName, locale: string, vars: Record<string, string>): Rendered {
  const byLocale = templates[name] as Record<Locale, Template>;
  const t = byLocale[(LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : "en"];
  const subject = fill(t.subject, vars, (x) => x);
  const text = t.body.map((p) => fill(p, vars, (x) => x)).join("\n\n") + "\n";
  const paragraphs = t.body.map((p) =>
    p === "{{link}}"
      ? `<p><a href="${escapeHtml(vars.link ?? "")}" style="display:inline-block;background:#24529b;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(vars.linkLabel ?? vars.link ?? "")}</a></p><p style="font-size:13px;color:#555">${escapeHtml(vars.link ?? "")}</p>`
      : `<p>${fill(p, vars, escapeHtml)}</p>`,
  );
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1f24;max-width:36rem">${paragraphs.join("")}</body></html>`;
  return { subject, text, html };
}
