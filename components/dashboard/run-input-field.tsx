"use client";

// A run's input as JSON, checked against the agent's input schema before it is sent; the browser's and
// the server's field errors show under the field, as one sentence. Used by "Start a run" and the playground.
import { useState } from "react";
import { describeInputErrors, precheckInput } from "@/lib/agents/input-precheck";
import type { Problem } from "@/lib/forms/field-errors";

export interface RunInput {
  text: string;
  setText(text: string): void;
  error?: string;
  /** The parsed input when it may be sent; otherwise null, with the reason shown under the field. */
  check(): { input: unknown } | null;
  /** Shows a refused run's field errors under the field; answers false when the problem is not about the input. */
  showProblem(problem: Problem): boolean;
}

export function useRunInput(schema: Record<string, unknown>, initialText: string): RunInput {
  const [text, setTextState] = useState(initialText);
  const [error, setError] = useState<string>();
  return {
    text,
    error,
    setText(next) {
      setTextState(next);
      setError(undefined);
    },
    check() {
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch {
        setError("The input is not valid JSON.");
        return null;
      }
      const errors = precheckInput(schema, input);
      setError(errors.length ? describeInputErrors(errors) : undefined);
      return errors.length ? null : { input };
    },
    showProblem(problem) {
      const errors = (problem.errors ?? []).filter((e) => e.path === "input" || e.path.startsWith("input."));
      if (errors.length === 0) return false;
      setError(describeInputErrors(errors));
      return true;
    },
  };
}

/** "`question` is required": the parts between backticks shown as code. */
function WithCode({ text }: { text: string }) {
  return (
    <>
      {text.split("`").map((part, i) =>
        i % 2 ? (
          <code key={i} className="rounded bg-red-100 px-1 font-mono">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function RunInputField({ id, state, rows = 6 }: { id: string; state: RunInput; rows?: number }) {
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Input (JSON)
      </label>
      <textarea
        id={id}
        value={state.text}
        onChange={(e) => state.setText(e.target.value)}
        rows={rows}
        spellCheck={false}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? errorId : undefined}
        className={`mt-1 block w-full rounded-md border px-3 py-2 font-mono text-xs ${state.error ? "border-red-500" : "border-slate-300"}`}
      />
      {state.error && (
        <p id={errorId} role="alert" data-testid="input-error" className="mt-1 text-sm text-red-700">
          <WithCode text={state.error} />
        </p>
      )}
    </div>
  );
}
