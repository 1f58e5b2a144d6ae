/**
 * A URL slug from a title: lower case, accents folded, words joined by dashes, at most 60 characters.
 * @example slugify('Éco-quartier à Lyon !') === 'eco-quartier-a-lyon'
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'project';
}
