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
