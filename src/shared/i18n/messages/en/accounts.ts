/**
 * Accounts and sign-in. Mails: `mail.<template>.subject|body|button`; the body's paragraphs
 * are separated by a blank line, and a paragraph that is only `{link}` becomes the button.
 */
export default {
  "mail.account.verify.subject": "Confirm your email address for {site}",
  "mail.account.verify.body": "Hello {name},\n\nplease confirm that this address is yours by opening this link (valid for 24 hours):\n\n{link}\n\nIf you did not sign up, ignore this message.",
  "mail.account.verify.button": "Confirm my address",
  "mail.account.signin-link.subject": "Your sign-in link for {site}",
  "mail.account.signin-link.body": "Hello {name},\n\nopen this link to sign in (valid for 15 minutes, once):\n\n{link}\n\nIf you did not ask for it, ignore this message.",
  "mail.account.signin-link.button": "Sign in",
  "mail.account.reset.subject": "Reset your password for {site}",
  "mail.account.reset.body": "Hello {name},\n\nopen this link to choose a new password (valid for 1 hour, once):\n\n{link}\n\nIf you did not ask for it, your password stays as it is.",
  "mail.account.reset.button": "Choose a new password",
};
