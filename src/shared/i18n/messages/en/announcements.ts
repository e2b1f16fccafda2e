/** Announcements: a community's news, archives, feeds and mail to subscribers. */
export default {
  "mail.announcement.confirm.subject": "Confirm your subscription to {community} announcements",
  "mail.announcement.confirm.body": "Hello,\n\nsomeone (probably you) asked to receive the announcements of {community} at this address. Please confirm by opening this link (valid for 7 days):\n\n{link}\n\nIf you did not ask for this, ignore this message and you will get nothing.",
  "mail.announcement.confirm.button": "Confirm my subscription",
  "mail.announcement.published.subject": "{community}: {title}",
  "mail.announcement.published.body": "{title}\n\n{summary}\n\n{link}\n\nYou receive this because you subscribed to the announcements of {community}. To stop, open {unsubscribe}",
  "mail.announcement.published.button": "Read the announcement",
};
