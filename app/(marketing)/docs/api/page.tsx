// /docs/api — the hand-written guide (docs/api.md) with a contents sidebar, then the reference rendered
// from the OpenAPI document. Pages render per request (for the CSP nonce), so the guide is read and
// rendered once per server process; the examples show this installation's own base URL.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Marked } from "marked";
import type { Metadata } from "next";
import { ApiReference } from "@/components/docs/api-reference";
import { appUrl } from "@/config/env";

export const metadata: Metadata = { title: "API reference" };

interface Guide {
  html: string;
  contents: { id: string; title: string }[];
}

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/<[^>]+>/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

let rendered: Promise<Guide> | undefined;

// Our own, trusted document: no client JavaScript. Headings get ids, so the guide's links and the
// contents work.
function guide(): Promise<Guide> {
  rendered ??= readFile(path.join(process.cwd(), "docs/api.md"), "utf8").then(async (markdown) => {
    const contents: Guide["contents"] = [];
    const marked = new Marked({
      renderer: {
        heading({ tokens, depth, text }) {
          const id = slugOf(text);
          if (depth === 2) contents.push({ id, title: text.replace(/`/g, "") });
          return `<h${depth} id="${id}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
        },
      },
    });
    return { html: await marked.parse(markdown), contents };
  });
  return rendered;
}

export default async function ApiDocsPage() {
  const { html, contents } = await guide();
  return (
    <div className="mx-auto flex max-w-6xl gap-10 px-6 py-12">
      <nav aria-label="Contents" className="sticky top-6 hidden h-fit w-56 shrink-0 text-sm lg:block">
        <p className="font-semibold text-slate-900">Contents</p>
        <ul className="mt-2 space-y-1">
          {contents.map((c) => (
            <li key={c.id}>
              <a href={`#${c.id}`} className="text-slate-600 hover:text-brand-700">
                {c.title}
              </a>
            </li>
          ))}
          <li>
            <a href="#reference" className="text-slate-600 hover:text-brand-700">
              Reference
            </a>
          </li>
        </ul>
      </nav>
      <article className="prose-docs min-w-0 max-w-3xl flex-1">
        <div dangerouslySetInnerHTML={{ __html: html.replaceAll("http://localhost:3000", appUrl) }} />
        <ApiReference baseUrl={appUrl} />
      </article>
    </div>
  );
}
