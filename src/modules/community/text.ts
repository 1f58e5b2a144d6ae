import sanitizeHtml from 'sanitize-html';
import { renderMarkdown } from '../../lib/markdown.js';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/**
 * A short plain-text excerpt of Markdown for notifications and the activity feed (no markup, no HTML).
 * @example excerptOf('**Hello** <b>world</b>, and more', 11) === 'Hello world…'
 */
export function excerptOf(markdown: string, max = 140): string {
  const text = sanitizeHtml(renderMarkdown(markdown), { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (m) => ENTITIES[m] ?? m)
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
}

/**
 * A Markdown text as comments and updates store it: the source and its sanitized HTML.
 * @example await insertComment(tx, { id, ...storedMarkdown('**Yes**') }) // body '**Yes**', bodyHtml '<p><strong>Yes</strong></p>'
 */
export function storedMarkdown(body: string): { body: string; bodyHtml: string } {
  return { body, bodyHtml: renderMarkdown(body) };
}

/**
 * When a comment or an update was written and last edited, from the exact keys its row carries.
 * @example writtenAt({ created_key: '2026-03-01T10:00:00.000000Z', edited_key: null }) // { createdAt: '2026-03-01T10:00:00.000Z', editedAt: null }
 */
export function writtenAt(r: { created_key: string; edited_key: string | null }): { createdAt: string; editedAt: string | null } {
  return { createdAt: new Date(r.created_key).toISOString(), editedAt: r.edited_key ? new Date(r.edited_key).toISOString() : null };
}
