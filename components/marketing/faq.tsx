// Questions and answers as native <details>, so the page needs no JavaScript for them.
export interface FaqItem {
  question: string;
  answer: string;
}

export function Faq({ items }: { items: FaqItem[] }) {
  return (
    <div className="divide-y divide-slate-200 rounded-xl border border-slate-200">
      {items.map((item) => (
        <details key={item.question} className="group p-5">
          <summary className="cursor-pointer list-none font-medium marker:hidden">
            <span className="mr-2 inline-block transition group-open:rotate-90" aria-hidden>
              ›
            </span>
            {item.question}
          </summary>
          <p className="mt-2 text-slate-700">{item.answer}</p>
        </details>
      ))}
    </div>
  );
}
