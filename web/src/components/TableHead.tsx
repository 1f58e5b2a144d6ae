export interface Column {
  label: string;
  /** A class for the header cell (e.g. "num" for right-aligned amounts). */
  className?: string;
  /** Read by screen readers only (a column of buttons). */
  hidden?: boolean;
}

/**
 * A table's header row, one `th scope="col"` per column; a falsy entry leaves its column out.
 * @example <TableHead columns={[t('name'), { label: t('amount'), className: 'num' }, { label: t('actions'), hidden: true }]} />
 */
export function TableHead({ columns }: { columns: (string | Column | false | null | undefined)[] }) {
  const shown = columns
    .filter((c): c is string | Column => typeof c === 'string' || Boolean(c))
    .map((c) => (typeof c === 'string' ? { label: c } : c));
  return (
    <thead>
      <tr>
        {shown.map((c) => (
          <th key={c.label} scope="col" className={c.className}>
            {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
