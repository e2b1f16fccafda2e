/** Events: the home page, event pages and settings, and the events API. */
export default {};
