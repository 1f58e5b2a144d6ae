-- Explore search, accent-insensitive: the English and French vectors of 0002 miss "velo" for "vélo" and
-- "vélos" for "vélo" (the French stemmer keeps an s after a vowel). An English vector of the text with its
-- accents folded catches both, so the search column is rebuilt with it.
CREATE OR REPLACE FUNCTION foule_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT replace(replace(replace(replace(translate(input,
    'àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝ',
    'aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUY'), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE')
$$;
--> statement-breakpoint
ALTER TABLE projects DROP COLUMN search;
--> statement-breakpoint
ALTER TABLE projects ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
  setweight(to_tsvector('french', coalesce(title, '')), 'A') ||
  setweight(to_tsvector('english', foule_fold(coalesce(title, ''))), 'A') ||
  setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
  setweight(to_tsvector('french', coalesce(summary, '')), 'B') ||
  setweight(to_tsvector('english', foule_fold(coalesce(summary, ''))), 'B') ||
  setweight(to_tsvector('english', coalesce(description, '')), 'C') ||
  setweight(to_tsvector('french', coalesce(description, '')), 'C') ||
  setweight(to_tsvector('english', foule_fold(coalesce(description, ''))), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX projects_search_idx ON projects USING gin (search);
--> statement-breakpoint
CREATE INDEX projects_popular_idx ON projects (followers_count DESC, id DESC) WHERE NOT hidden;
--> statement-breakpoint
CREATE INDEX projects_new_idx ON projects (created_at DESC, id DESC) WHERE NOT hidden;
