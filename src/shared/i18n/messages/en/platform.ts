/** The platform beyond errors: start-up, configuration and sign-in plumbing that people read. */
export default {};
