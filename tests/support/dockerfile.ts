// Reads a Dockerfile into its build stages and their instructions (continuation lines joined, comments
// dropped), for tests that check what the image is built from and how it runs.

export interface DockerInstruction {
  keyword: string;
  args: string;
}

export interface DockerStage {
  base: string;
  name?: string;
  instructions: DockerInstruction[];
}

export function parseDockerfile(source: string): DockerStage[] {
  const logicalLines = source
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("#"))
    .join("\n")
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const stages: DockerStage[] = [];
  for (const line of logicalLines) {
    const [, keyword = "", args = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === "FROM") {
      const [, base = "", name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ base, name, instructions: [] });
    } else if (stages.length === 0) {
      if (keyword.toUpperCase() !== "ARG") throw new Error(`${keyword} before the first FROM`);
    } else {
      stages.at(-1)!.instructions.push({ keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, " ") });
    }
  }
  return stages;
}

/** The arguments of an exec-form instruction (JSON array), else of a shell-form one as one string. */
export function execArgs(args: string): string[] {
  return args.startsWith("[") ? (JSON.parse(args) as string[]) : [args];
}
