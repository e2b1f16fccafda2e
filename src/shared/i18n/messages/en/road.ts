/** Talks on the road: the community's calendar of talks at other conferences. */
export default {
  "mail.road.approved.subject": "Your talk “{title}” is on the {community} calendar",
  "mail.road.approved.body": "Hello {name},\n\nthe organisers of {community} have approved your talk “{title}” at {event}: it is now on the community’s calendar of talks on the road.\n\n{note}\n\n{link}\n\nAfter the talk, add the links to your slides and video on the same page.",
  "mail.road.approved.button": "See the talk",
  "mail.road.rejected.subject": "Your talk “{title}” was not added to the {community} calendar",
  "mail.road.rejected.body": "Hello {name},\n\nthe organisers of {community} have not added your talk “{title}” at {event} to the community’s calendar.\n\n{note}\n\n{link}",
  "mail.road.rejected.button": "See the talk",
};
