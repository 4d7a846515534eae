// The route pattern of a request (/api/workspaces/[slug]/keys for /api/workspaces/acme/keys), so that
// metric labels stay few. Rebuilt from the params Next resolved, which list the dynamic segments in
// path order: each takes the first segment equal to its value after the previous one. Ids never equal
// a static segment; a slug equal to one before it (a workspace named "workspaces") is mislabelled,
// still as one bounded pattern.

type Params = Record<string, unknown>;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function routePattern(pathname: string, params: Params | undefined): string {
  const segments = pathname.split("/");
  let from = 1;
  for (const [name, value] of Object.entries(params ?? {})) {
    const values = Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
    if (values.length === 0) continue;
    const at = segments.findIndex((segment, i) => i >= from && decode(segment) === values[0]);
    if (at < 0) continue;
    segments.splice(at, values.length, Array.isArray(value) ? `[...${name}]` : `[${name}]`);
    from = at + 1;
  }
  return segments.join("/");
}
