-- The double-entry ledger. Every movement of money is one transaction whose entries sum to zero in its
-- currency. The database enforces it (a deferred constraint trigger checks each transaction at commit),
-- and entries are append-only: a correction is a new transaction, never an edit.
CREATE TABLE ledger_transactions (
  id text PRIMARY KEY,
  kind text NOT NULL,
  currency char(3) NOT NULL,
  memo text NOT NULL DEFAULT '',
  ref_type text,
  ref_id text,
  idempotency_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX ledger_transactions_ref_idx ON ledger_transactions (ref_type, ref_id);
--> statement-breakpoint
CREATE TABLE ledger_entries (
  id bigserial PRIMARY KEY,
  transaction_id text NOT NULL REFERENCES ledger_transactions(id),
  account text NOT NULL,
  currency char(3) NOT NULL,
  amount bigint NOT NULL CHECK (amount <> 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX ledger_entries_account_idx ON ledger_entries (account, currency);
--> statement-breakpoint
CREATE INDEX ledger_entries_transaction_idx ON ledger_entries (transaction_id);
--> statement-breakpoint
CREATE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total numeric;
  bad_currency int;
  tx_currency char(3);
BEGIN
  SELECT currency INTO tx_currency FROM ledger_transactions WHERE id = NEW.transaction_id;
  SELECT count(*) INTO bad_currency FROM ledger_entries WHERE transaction_id = NEW.transaction_id AND currency <> tx_currency;
  IF bad_currency > 0 THEN
    RAISE EXCEPTION 'ledger transaction % mixes currencies', NEW.transaction_id USING ERRCODE = 'check_violation';
  END IF;
  SELECT coalesce(sum(amount), 0) INTO total FROM ledger_entries WHERE transaction_id = NEW.transaction_id;
  IF total <> 0 THEN
    RAISE EXCEPTION 'ledger transaction % does not balance (sum %)', NEW.transaction_id, total USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();
--> statement-breakpoint
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON ledger_transactions
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
