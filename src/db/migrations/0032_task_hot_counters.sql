-- Leasing and answering move an item's counters twice a cycle. While the counters appeared in index predicates,
-- every such update wrote a new entry in each of the item's indexes; with the predicate on a stored `open` column
-- (which changes only when an item fills up or reopens) and spare room on each page, PostgreSQL updates the row
-- in place (a heap-only update) and leaves the indexes alone whenever `open` stays as it was.
ALTER TABLE task_items ADD COLUMN open boolean GENERATED ALWAYS AS (answers_count + leased_count < wanted) STORED;
--> statement-breakpoint
DROP INDEX task_items_available_idx;
--> statement-breakpoint
CREATE INDEX task_items_open_idx ON task_items (batch_id, is_gold, seq) WHERE open;
--> statement-breakpoint
-- Expired leases are found from the batch's open leases (task_assignments_active_idx) instead.
DROP INDEX task_items_leased_idx;
--> statement-breakpoint
ALTER TABLE task_items SET (fillfactor = 80);
--> statement-breakpoint
-- An item's leases are found through the (item_id, worker_ref) key: an item has a handful of assignments.
DROP INDEX task_assignments_item_leased_idx;
--> statement-breakpoint
-- Automatic approval walks each batch's review queue (task_assignments_review_idx) instead.
DROP INDEX task_assignments_auto_approve_idx;
