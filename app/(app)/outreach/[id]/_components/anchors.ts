/**
 * Ids shared by the server-rendered case page and the contact form: the list's "記録" link
 * lands on #log-contact, where the form puts the cursor in its date field. (Kept out of the
 * "use client" module, whose exports a server component cannot read as values.)
 */
export const LOG_CONTACT_ANCHOR = "log-contact";
export const CONTACT_DATE_FIELD_ID = "contact-date";
