// Field errors for forms, from a zod result on the client or a problem+json answer from the server,
// so both show the same messages in the same places.
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    errors[key] ??= issue.message;
  }
  return errors;
}

export interface Problem {
  status: number;
  code?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Omit<Problem, "status">;
    return { status: response.status, ...body };
  } catch {
    return { status: response.status, detail: "Something went wrong. Try again." };
  }
}

export function fieldErrorsFromProblem(problem: Problem): FieldErrors {
  const errors: FieldErrors = {};
  for (const e of problem.errors ?? []) errors[e.path] ??= e.message;
  return errors;
}
