-- Erased accounts (DELETE /api/v1/me): the row stays, so what the person wrote and the ledger entries on their
-- accounts keep pointing at an id, but the name, e-mail, password and profile are gone; `deleted_at` says when.
ALTER TABLE users ADD COLUMN deleted_at timestamptz;
