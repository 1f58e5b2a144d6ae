// An item's data as the worker and the host see it: images for URLs ending in an image extension, links for
// other URLs, text otherwise.
const IMAGE = /^https?:\/\/\S+\.(png|jpe?g|gif|webp|svg)(\?\S*)?$/i;
const URL_RE = /^https?:\/\/\S+$/i;

export function ItemData({ data, compact = false }: { data: Record<string, unknown>; compact?: boolean }) {
  const entries = Object.entries(data);
  return (
    <dl className={compact ? 'task-data task-data-compact' : 'task-data'}>
      {entries.map(([key, value]) => {
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        return (
          <div key={key} className="task-data-row">
            <dt>{key}</dt>
            <dd>
              {!compact && IMAGE.test(text) ? (
                <img src={text} alt={key} className="task-image" />
              ) : URL_RE.test(text) ? (
                <a href={text} target="_blank" rel="noreferrer noopener">
                  {text}
                </a>
              ) : (
                text
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
