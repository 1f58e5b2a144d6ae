-- Number answers join the running tallies (their value counts give mean, median and histogram exactly), and a
-- sharded counter of responses per survey, so "everyone" results read neither every answer nor every response.
INSERT INTO survey_tallies (question_seq, item, num, shard, count)
SELECT a.question_seq, a.item, a.num, (a.response_seq % 4)::smallint, count(*)::int
FROM survey_answers a JOIN survey_questions q ON q.seq = a.question_seq
WHERE q.kind = 'number'
GROUP BY 1, 2, 3, 4
ON CONFLICT (question_seq, item, num, shard) DO UPDATE SET count = EXCLUDED.count;
--> statement-breakpoint
CREATE TABLE survey_response_counts (
  survey_id text NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  shard smallint NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (survey_id, shard)
);
--> statement-breakpoint
INSERT INTO survey_response_counts (survey_id, shard, count)
SELECT survey_id, (seq % 4)::smallint, count(*)::int FROM survey_responses GROUP BY 1, 2;
