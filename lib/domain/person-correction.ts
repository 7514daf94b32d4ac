/**
 * What an audit row about a person's correction holds in place of each changed value (ADR 0028):
 * the values are in person_identity_history, which the 閲覧・変更履歴 joins only for viewers who
 * may read identities. Shared by the DAL that writes it and the panel that words it.
 */
export const PERSON_VALUE_HIDDEN = "(identity)";
