// The header row of the dashboard's data tables. A column given as `{ srOnly }` has a name for screen
// readers only (e.g. a column of action buttons); its cell is `relative` so the absolutely positioned
// sr-only text stays inside the table's scrolling wrapper instead of widening the page on a phone.
export type Column = string | { srOnly: string };

export function TableHead({ columns, className }: { columns: Column[]; className?: string }) {
  return (
    <thead className={className}>
      <tr className="border-b border-slate-200 text-slate-600">
        {columns.map((column, i) => (
          <th
            key={i}
            scope="col"
            className={`py-2 font-medium ${i < columns.length - 1 ? "pr-4" : ""} ${typeof column === "string" ? "" : "relative"}`}
          >
            {typeof column === "string" ? column : <span className="sr-only">{column.srOnly}</span>}
          </th>
        ))}
      </tr>
    </thead>
  );
}
