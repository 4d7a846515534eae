// The built-in tools agents may call. Deterministic and local: they read the run's own input, nothing else.
import type { ToolResult, ToolSpec } from "./model-types";

interface Tool extends ToolSpec {
  run(input: Record<string, unknown>): string;
}

const textInput = (description: string): ToolSpec["input_schema"] => ({
  type: "object",
  properties: { text: { type: "string", description } },
  required: ["text"],
});
const text = (input: Record<string, unknown>) => String(input.text ?? "");
const lines = (s: string) => s.split(/\r?\n/);

const TOOLS: Tool[] = [
  {
    name: "outline",
    description: "Splits a text into its paragraphs and returns a numbered outline of their first sentences.",
    input_schema: textInput("The text to outline."),
    run: (input) =>
      text(input)
        .split(/\n\s*\n/)
        .map((p) => p.trim().split(/(?<=[.!?])\s/)[0])
        .filter(Boolean)
        .map((s, i) => `${i + 1}. ${s}`)
        .join("\n") || "(empty)",
  },
  {
    name: "summarize",
    description: "Returns the first two sentences and the length of a text.",
    input_schema: textInput("The text to summarize."),
    run: (input) => {
      const t = text(input).trim();
      return `${t
        .split(/(?<=[.!?])\s/)
        .slice(0, 2)
        .join(" ")} (${t.split(/\s+/).filter(Boolean).length} words)`;
    },
  },
  {
    name: "count_lines",
    description: "Counts lines, blank lines and comment lines of source code.",
    input_schema: textInput("The code."),
    run: (input) => {
      const all = lines(text(input));
      const blank = all.filter((l) => !l.trim()).length;
      const comments = all.filter((l) => /^\s*(\/\/|#|\/\*|\*|--)/.test(l)).length;
      return JSON.stringify({ lines: all.length, blank, comments, code: all.length - blank - comments });
    },
  },
  {
    name: "find_patterns",
    description: "Finds risky patterns in code (eval, TODO/FIXME, hard-coded secrets, SQL string building) with line numbers.",
    input_schema: textInput("The code."),
    run: (input) => {
      const checks: [string, RegExp][] = [
        ["eval", /\beval\s*\(/],
        ["todo", /\b(TODO|FIXME|XXX)\b/],
        ["secret", /(password|secret|api[_-]?key)\s*[:=]\s*['"][^'"]+['"]/i],
        ["sql-concat", /(SELECT|INSERT|UPDATE|DELETE)[^;]*['"]\s*\+/i],
      ];
      const found = lines(text(input)).flatMap((line, i) =>
        checks.filter(([, re]) => re.test(line)).map(([name]) => `line ${i + 1}: ${name}`),
      );
      return found.length ? found.join("\n") : "no risky patterns found";
    },
  },
  {
    name: "describe_csv",
    description: "Counts rows and columns of CSV data and computes min, max and mean of numeric columns.",
    input_schema: textInput("The CSV, first line the header."),
    run: (input) => {
      const [header, ...rows] = lines(text(input).trim()).map((l) => l.split(","));
      if (!header) return "empty CSV";
      const stats = header.map((name, c) => {
        const values = rows.map((r) => Number(r[c])).filter((v) => Number.isFinite(v));
        if (values.length !== rows.length || !values.length) return { column: name.trim(), numeric: false };
        // A loop, not Math.min(...values): spreading a long column overflows the call stack.
        let [min, max, sum] = [Infinity, -Infinity, 0];
        for (const v of values) {
          if (v < min) min = v;
          if (v > max) max = v;
          sum += v;
        }
        return { column: name.trim(), min, max, mean: Math.round((sum / values.length) * 100) / 100 };
      });
      return JSON.stringify({ rows: rows.length, columns: header.length, stats });
    },
  },
  {
    name: "classify",
    description: "Labels a support ticket's urgency and topic from its wording.",
    input_schema: textInput("The ticket."),
    run: (input) => {
      const t = text(input).toLowerCase();
      const urgency = /(down|outage|urgent|asap|data loss|security)/.test(t)
        ? "urgent"
        : /(error|fail|broken|cannot|can't)/.test(t)
          ? "high"
          : /(how|question|wonder)/.test(t)
            ? "low"
            : "normal";
      const topic = /(bill|invoice|charge|refund|price)/.test(t)
        ? "billing"
        : /(login|password|account|sign)/.test(t)
          ? "account"
          : /(api|error|bug|crash|timeout)/.test(t)
            ? "technical"
            : "general";
      return JSON.stringify({ urgency, topic });
    },
  },
];

export const BUILT_IN_TOOL_NAMES = ["outline", "summarize", "count_lines", "find_patterns", "describe_csv", "classify"] as const;

/** The model's view of the named built-in tools. */
export function builtInToolSpecs(names: string[]): ToolSpec[] {
  return TOOLS.filter((t) => names.includes(t.name)).map(({ name, description, input_schema }) => ({ name, description, input_schema }));
}

export function runTool(name: string, input: unknown): ToolResult {
  const tool = TOOLS.find((t) => t.name === name);
  if (!tool) return { content: `Unknown tool ${name}.`, isError: true };
  if (typeof input !== "object" || input === null) return { content: "Tool input must be an object.", isError: true };
  try {
    return { content: tool.run(input as Record<string, unknown>).slice(0, 20_000), isError: false };
  } catch {
    // A tool that breaks on odd input is the model's problem to route around, not the run's end.
    return { content: `The ${name} tool could not process this input.`, isError: true };
  }
}
