// Text a tenant chose (a workspace's name, a user's name) inside mail we send: it is shown as quoted data,
// on one line, and can never become a link in the reader's mail client. Rows written before names had to
// be one line are quoted just the same.
import { NOT_SINGLE_LINE } from "@/lib/forms/single-line";

const MAX_QUOTED = 100;

const NOT_ONE_LINE = new RegExp(`(?:${NOT_SINGLE_LINE.source}|\\s)+`, "gu");
const DOUBLE_QUOTES = /["\u201C\u201D\u201E\u201F\u00AB\u00BB]/g;
/** A dot between letters or digits is what makes `evil.example` or `www.evil.example` a link. */
const DOMAIN_DOT = /(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu;

/**
 * `“name”`, on one line, with its own double quotes made single (so the quotation cannot seem to end
 * early), URL-like text defanged (`http[:]//evil[.]example`) and at most 100 characters long.
 */
export function quoteTenantText(text: string): string {
  let quoted = text.replace(NOT_ONE_LINE, " ").trim().replace(DOUBLE_QUOTES, "'").replaceAll("://", "[:]//").replace(DOMAIN_DOT, "[.]");
  const characters = Array.from(quoted);
  if (characters.length > MAX_QUOTED) quoted = `${characters.slice(0, MAX_QUOTED - 1).join("")}\u2026`;
  return `\u201C${quoted}\u201D`;
}
