// The role the app's queries run as. The migrations create it (NOLOGIN, no BYPASSRLS, owning nothing, so
// row-level security applies to it) and grant it what it needs, as the run queue's install does for the
// queue's schema; every connection of the app switches to it with this startup option.
export const APP_ROLE = "agenthq_app";

/** The startup option that makes a connection's queries run as APP_ROLE (node-postgres `options`). */
export const APP_ROLE_OPTION = `-c role=${APP_ROLE}`;
