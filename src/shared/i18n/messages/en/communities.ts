/** Communities: their pages, organisers and the communities API. */
export default {};
