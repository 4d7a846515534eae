// Reads the YAML our compose file is written in: block mappings and sequences, flow sequences written as
// JSON, quoted and plain scalars, comments, anchors, aliases and merge keys (<<). Not a general YAML
// parser (the project has none as a dependency): it throws on anything else, so a change of style fails
// loudly instead of being misread.

export type YamlValue = string | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  indent: number;
  text: string;
  number: number;
}

const KEY = /^([A-Za-z0-9_.<-]+):(?:\s+(.*))?$/;
const INLINE_MAPPING = /^[A-Za-z0-9_.-]+:(\s|$)/;

function withoutComment(text: string): string {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) return text.slice(0, i);
  }
  return text;
}

export function parseSimpleYaml(source: string): YamlValue {
  const lines: Line[] = source.split("\n").flatMap((raw, index) => {
    const text = withoutComment(raw).trimEnd();
    if (!text.trim()) return [];
    if (/\t/.test(text.match(/^\s*/)![0])) throw new Error(`line ${index + 1}: tabs in indentation`);
    return [{ indent: text.length - text.trimStart().length, text: text.trim(), number: index + 1 }];
  });
  const anchors = new Map<string, YamlValue>();
  let i = 0;
  const fail = (line: Line | undefined, message: string): never => {
    throw new Error(`line ${line?.number ?? "end"}: ${message}`);
  };

  function block(indent: number): YamlValue {
    const line = lines[i];
    if (!line || line.indent !== indent) return fail(line, `expected a block at indent ${indent}`);
    return line.text.startsWith("-") ? sequence(indent) : mapping(indent);
  }

  function mapping(indent: number): YamlValue {
    const own: Record<string, YamlValue> = {};
    let merged: Record<string, YamlValue> = {};
    while (lines[i] && lines[i]!.indent === indent && !lines[i]!.text.startsWith("-")) {
      const line = lines[i]!;
      const match = KEY.exec(line.text) ?? fail(line, `not a "key: value" line: ${line.text}`);
      i++;
      const value = scalarOrBlock(match[2], indent);
      if (match[1] === "<<") {
        if (typeof value !== "object" || Array.isArray(value)) fail(line, "<< must merge a mapping");
        merged = { ...merged, ...(value as Record<string, YamlValue>) };
      } else own[match[1]!] = value;
    }
    if (lines[i] && lines[i]!.indent > indent) fail(lines[i], "unexpected indentation");
    return { ...merged, ...own };
  }

  function sequence(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    while (lines[i] && lines[i]!.indent === indent && lines[i]!.text.startsWith("-")) {
      const line = lines[i]!;
      const item = line.text.slice(1).trim();
      if (!item) {
        i++;
        items.push(block(lines[i]?.indent ?? -1));
      } else if (INLINE_MAPPING.test(item)) {
        // "- key: value" opens a mapping whose further keys align with "key".
        lines[i] = { ...line, indent: indent + line.text.indexOf(item), text: item };
        items.push(mapping(lines[i]!.indent));
      } else {
        i++;
        items.push(scalarOrBlock(item, indent));
      }
    }
    return items;
  }

  function scalarOrBlock(text: string | undefined, indent: number): YamlValue {
    if (!text) {
      const next = lines[i];
      return next && next.indent > indent ? block(next.indent) : "";
    }
    const anchor = /^&([\w-]+)(?:\s+(.*))?$/.exec(text);
    if (anchor) {
      const value = scalarOrBlock(anchor[2], indent);
      anchors.set(anchor[1]!, value);
      return value;
    }
    const alias = /^\*([\w-]+)$/.exec(text);
    if (alias) return anchors.get(alias[1]!) ?? fail(lines[i - 1], `unknown anchor ${alias[1]}`);
    if (text.startsWith("[") || text.startsWith('"')) return JSON.parse(text) as YamlValue;
    if (text.startsWith("'")) return text.slice(1, -1).replaceAll("''", "'");
    if (/^[{|>!&*]/.test(text)) return fail(lines[i - 1], `unsupported YAML: ${text}`);
    return text;
  }

  const document = block(0);
  if (i < lines.length) fail(lines[i], "unexpected content");
  return document;
}
