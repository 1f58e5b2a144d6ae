const COLORS = ['#4f46e5', '#0f9f75', '#db2777', '#d97706', '#0891b2', '#7c3aed', '#dc2626', '#2563eb'];

/** A stable color for a string (a user id, a category). */
export function colorFor(key: string): string {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return COLORS[h % COLORS.length]!;
}

/**
 * A round badge with a person's initials, colored by their id.
 * @example <Avatar name={author.name} id={author.id} size={32} />
 */
export function Avatar({ name, id, size = 36 }: { name: string; id?: string; size?: number }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0])
    .join('');
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{ width: size, height: size, fontSize: size * 0.4, background: colorFor(id ?? name) }}
    >
      {initials || '?'}
    </span>
  );
}
