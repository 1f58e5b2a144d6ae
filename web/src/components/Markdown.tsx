export interface MarkdownProps {
  /** HTML the server rendered from Markdown and sanitized (fields named `…Html`). Never pass user text here. */
  html: string;
  className?: string;
}

/**
 * Renders server-rendered, sanitized HTML (descriptionHtml, bodyHtml…) with the prose style.
 * @example <Markdown html={project.descriptionHtml} />
 */
export function Markdown({ html, className }: MarkdownProps) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the server rendered this Markdown and sanitized it (sanitize-html); no user text reaches here raw
  return <div className={`prose${className ? ` ${className}` : ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
