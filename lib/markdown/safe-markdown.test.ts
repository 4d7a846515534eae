import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./safe-markdown";

describe("model output as Markdown", () => {
  it("renders formatting", () => {
    const html = renderMarkdown("# Brief\n\n- **urgent**\n- `code`\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(html).toContain("<h1>Brief</h1>");
    expect(html).toContain("<strong>urgent</strong>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<table>");
  });

  it("never lets HTML, script links or images through", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) [ok](https://example.com "t") ![pixel](https://tracker.example/p.gif)\n\ninline <b onclick="x()">b</b>',
    );
    // Tags arrive as text (escaped), never as elements; no link or image leads anywhere unsafe.
    expect(html).not.toMatch(/<script|<img|<b |href="javascript|tracker\.example/);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('<a href="https://example.com" target="_blank" rel="nofollow noopener noreferrer">ok</a>');
    expect(html).toContain("[image: pixel]");
  });
});
