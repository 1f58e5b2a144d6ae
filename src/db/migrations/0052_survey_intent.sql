-- The question that measures intent to back (a single choice whose first option is "yes", or a rating scale whose
-- top two points count): the validation panel reads it.
ALTER TABLE survey_questions ADD COLUMN intent boolean NOT NULL DEFAULT false;
