// Names people give things (workspaces, themselves, API keys) are one line of plain text: they end up in
// emails, logs and other people's screens, where a line break or a bidi override would let the text pose
// as something we wrote.
import { z } from "zod";

/**
 * C0 and C1 controls (line breaks and tabs among them), Unicode line and paragraph separators, and the
 * bidi embeddings, overrides and isolates that reorder the text around them.
 */
export const NOT_SINGLE_LINE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

export const SINGLE_LINE_MESSAGE = "Use one line of plain text, without line breaks, tabs or control characters.";

/**
 * A required one-line name of at most `max` characters, trimmed. The raw input is checked before trimming,
 * so a trailing line break is refused rather than silently dropped.
 */
export function singleLineText(max: number, emptyMessage: string) {
  return z
    .string()
    .refine((value) => !NOT_SINGLE_LINE.test(value), SINGLE_LINE_MESSAGE)
    .trim()
    .min(1, emptyMessage)
    .max(max, `Use at most ${max} characters.`);
}
