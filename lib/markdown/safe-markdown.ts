// Markdown from a model, rendered for the dashboard: formatting yes, HTML no. Raw HTML is shown as text,
// links keep only http(s) and mailto targets (and open apart, without a referrer), and images are not
// loaded (an image URL would report the viewer to whoever wrote it), only named.
import { Marked } from "marked";

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const safe = new Marked({
  async: false,
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link({ href, tokens }) {
      const label = this.parser.parseInline(tokens);
      if (!/^(https?:\/\/|mailto:)/i.test(href)) return label;
      return `<a href="${escapeHtml(href)}" target="_blank" rel="nofollow noopener noreferrer">${label}</a>`;
    },
    image: ({ text }) => `<span class="text-slate-500">[image: ${escapeHtml(text)}]</span>`,
  },
});

export function renderMarkdown(markdown: string): string {
  return safe.parse(markdown) as string;
}
