/**
 * What kind of refusal an error is. The API edge turns a kind into a status (http/errors.ts); nothing else does.
 * - `invalid`: the request itself is wrong (a field, a cursor, an upload)
 * - `unauthenticated`: nobody (or nobody valid) is signed in
 * - `payment_declined`: the card processor refused
 * - `forbidden`: signed in, but not allowed
 * - `not_found`: no such thing, or not one this person may know about
 * - `conflict`: the thing is not in a state that allows this now
 * - `too_large`, `unsupported`: the request's size or media type
 * - `rate_limited`: too many requests
 * - `unexpected`: a broken invariant on our side (a bug)
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'payment_declined'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported'
  | 'rate_limited'
  | 'unexpected';

interface CodeEntry {
  kind: ErrorKind;
  /** One line of English: what happened, for people reading the API documentation. */
  meaning: string;
}

/**
 * Every error code a person can get from the API, with its kind and its meaning. A code must be listed here to be
 * thrown (the helpers in errors.ts take `ErrorCode`), and the web app translates each one (web/src/i18n/<lang>/errors.json,
 * checked by error-codes.test.ts).
 * @example ERROR_CODES.campaign_closed // { kind: 'conflict', meaning: 'The campaign has ended: …' }
 */
export const ERROR_CODES = {
  // Any request
  validation_failed: {
    kind: 'invalid',
    meaning: 'Some fields of the request are missing or wrong; `details` names each one with its problem.',
  },
  nothing_to_change: { kind: 'invalid', meaning: 'A PATCH whose body names no field to change.' },
  invalid_cursor: { kind: 'invalid', meaning: 'The paging cursor does not belong to this list or is damaged: start again without it.' },
  invalid_idempotency_key: { kind: 'invalid', meaning: 'The Idempotency-Key header is empty or longer than 255 characters.' },
  idempotency_key_reused: { kind: 'conflict', meaning: 'This Idempotency-Key was already used with a different request.' },
  idempotency_in_progress: { kind: 'conflict', meaning: 'A request with this Idempotency-Key is still being processed: retry shortly.' },
  unauthenticated: { kind: 'unauthenticated', meaning: 'Sign in first.' },
  invalid_token: { kind: 'unauthenticated', meaning: 'The API token is revoked or mistyped.' },
  csrf_failed: { kind: 'forbidden', meaning: 'The X-CSRF-Token header is missing or wrong.' },
  forbidden: { kind: 'forbidden', meaning: 'Signed in, but not allowed to do this (the message says who may).' },
  route_not_found: { kind: 'not_found', meaning: 'No API route with this method and path.' },
  rate_limited: { kind: 'rate_limited', meaning: 'Too many requests: wait a moment and try again.' },
  internal: { kind: 'unexpected', meaning: 'Something went wrong on our side.' },
  // Refusals of the HTTP framework, before any route (code of Fastify's error, without FST_ERR_, in lower case)
  bad_request: { kind: 'invalid', meaning: 'The request could not be read.' },
  ctp_invalid_json_body: { kind: 'invalid', meaning: 'The body is not valid JSON.' },
  ctp_empty_json_body: { kind: 'invalid', meaning: 'The body is empty although its content type is JSON.' },
  ctp_invalid_content_length: { kind: 'invalid', meaning: 'The body size does not match its Content-Length.' },
  ctp_body_too_large: { kind: 'too_large', meaning: 'The body is larger than this route accepts.' },
  ctp_invalid_media_type: { kind: 'unsupported', meaning: 'This route does not accept this content type.' },
  bad_url: { kind: 'invalid', meaning: 'The URL holds a part that cannot be decoded.' },
  invalid_url: { kind: 'invalid', meaning: 'The URL is not valid.' },
  max_param_length: { kind: 'too_large', meaning: 'A part of the URL is too long.' },

  // Accounts
  email_taken: { kind: 'conflict', meaning: 'An account with this e-mail address already exists.' },
  invalid_credentials: { kind: 'unauthenticated', meaning: 'Wrong e-mail address or password.' },
  invalid_reset_token: { kind: 'invalid', meaning: 'The password reset link is invalid or has expired.' },
  wrong_password: { kind: 'forbidden', meaning: 'The current password given is not the right one.' },
  user_not_found: { kind: 'not_found', meaning: 'No person with this id (or no account uses this e-mail address).' },
  token_not_found: { kind: 'not_found', meaning: 'No API token with this id.' },

  // Organizations
  org_not_found: { kind: 'not_found', meaning: 'No organization with this id.' },
  member_not_found: { kind: 'not_found', meaning: 'This person is not a member of the organization.' },
  already_member: { kind: 'conflict', meaning: 'This person is already a member of the organization.' },
  last_owner: { kind: 'conflict', meaning: 'An organization keeps at least one owner.' },

  // Projects
  project_not_found: { kind: 'not_found', meaning: 'No project with this id.' },
  slug_taken: { kind: 'conflict', meaning: 'Another project already uses this address.' },
  search_required: { kind: 'invalid', meaning: 'Sorting by relevance needs a search (q).' },

  // Privacy
  last_org_owner: { kind: 'conflict', meaning: 'The account is the last owner of an organization: it cannot be deleted yet.' },
  hosts_live_campaign: { kind: 'conflict', meaning: 'The account hosts a live campaign: it cannot be deleted before the campaign ends.' },
  pledges_in_settlement: { kind: 'conflict', meaning: 'Some pledges of the account are being charged or voided: try again later.' },

  // Community
  comment_not_found: { kind: 'not_found', meaning: 'No comment with this id (under this subject).' },
  comment_hidden: { kind: 'conflict', meaning: 'The comment was hidden by moderation: it cannot be answered.' },
  thread_too_deep: { kind: 'invalid', meaning: 'Replies nest only so deep: answer higher up the thread.' },
  subject_not_found: { kind: 'not_found', meaning: 'No such thing to comment on.' },
  update_not_found: { kind: 'not_found', meaning: 'No project update with this id.' },
  report_not_found: { kind: 'not_found', meaning: 'No report with this id.' },
  report_resolved: { kind: 'conflict', meaning: 'The report was already resolved.' },

  // Funding
  campaign_not_found: { kind: 'not_found', meaning: 'No campaign with this id.' },
  tier_not_found: { kind: 'not_found', meaning: 'No reward tier with this id.' },
  pledge_not_found: { kind: 'not_found', meaning: 'No pledge with this id.' },
  unknown_tier: { kind: 'invalid', meaning: 'The campaign has no such reward tier.' },
  amount_too_small: { kind: 'invalid', meaning: 'The pledge is below the smallest pledge.' },
  amount_below_tier: { kind: 'invalid', meaning: 'The pledge is below the price of the reward (plus its shipping).' },
  currency_fixed: { kind: 'invalid', meaning: 'A campaign keeps the currency it was created in.' },
  currency_mismatch: { kind: 'invalid', meaning: 'An amount is not in the campaign’s currency.' },
  deadline_in_past: { kind: 'invalid', meaning: 'The deadline must be in the future.' },
  deadline_too_soon: { kind: 'invalid', meaning: 'The deadline is less than an hour away.' },
  deadline_too_far: { kind: 'invalid', meaning: 'A campaign runs at most 90 days.' },
  donation_without_tiers: { kind: 'invalid', meaning: 'A donation campaign has no reward tiers.' },
  shipping_country_required: { kind: 'invalid', meaning: 'The reward is shipped: say which country to ship it to.' },
  no_shipping_to_country: { kind: 'invalid', meaning: 'The reward does not ship to this country.' },
  stretch_goal_below_goal: { kind: 'invalid', meaning: 'A stretch goal must be above the campaign goal.' },
  refund_too_small: { kind: 'invalid', meaning: 'A refund is at least one minor unit.' },
  refund_too_large: { kind: 'invalid', meaning: 'More than what can still be refunded on this pledge.' },
  already_backed: { kind: 'conflict', meaning: 'The person already backs this campaign: change that pledge instead.' },
  campaign_changed: { kind: 'conflict', meaning: 'The campaign changed meanwhile (launched or ended): reload it.' },
  campaign_closed: { kind: 'conflict', meaning: 'The campaign has ended: it takes no more pledges and can no longer change.' },
  campaign_has_collected_pledges: { kind: 'conflict', meaning: 'Backers were charged already: the campaign cannot be cancelled.' },
  campaign_live: { kind: 'conflict', meaning: 'This cannot change while the campaign is live.' },
  campaign_not_draft: { kind: 'conflict', meaning: 'Only a draft campaign can be launched.' },
  campaign_not_live: { kind: 'conflict', meaning: 'The campaign was never launched: there is nothing to settle.' },
  campaign_still_live: { kind: 'conflict', meaning: 'The campaign runs until its deadline; only an operator can end it now.' },
  project_has_live_campaign: { kind: 'conflict', meaning: 'The project already has a live campaign.' },
  tier_has_backers: { kind: 'conflict', meaning: 'The tier has backers: it cannot be deleted.' },
  tier_limit_locked: { kind: 'conflict', meaning: 'On a live campaign a limited tier can only be given more places.' },
  tier_sold_out: { kind: 'conflict', meaning: 'The reward is sold out.' },
  pledge_conflict: { kind: 'conflict', meaning: 'The pledge crossed another change to the campaign: try again.' },
  pledge_abandoned: { kind: 'conflict', meaning: 'The pledge was abandoned after an interruption: pledge again.' },
  pledge_collected: { kind: 'conflict', meaning: 'The pledge was charged already: its amount cannot change.' },
  pledge_not_changeable: { kind: 'conflict', meaning: 'The pledge is being charged or is over: it can no longer change.' },
  pledge_not_errored: { kind: 'conflict', meaning: 'Only a pledge whose charge failed needs fixing.' },
  pledge_not_refundable: { kind: 'conflict', meaning: 'Only a collected pledge can be refunded.' },
  fix_window_closed: { kind: 'conflict', meaning: 'The 7 days to fix the pledge are over: it was dropped.' },
  host_balance_insufficient: { kind: 'conflict', meaning: 'The host’s balance is too low for this refund.' },
  insufficient_balance: { kind: 'conflict', meaning: 'The payout is larger than the available balance.' },
  nothing_to_pay_out: { kind: 'conflict', meaning: 'There is no balance in this currency to pay out.' },

  // Payments
  unknown_payment_provider: { kind: 'invalid', meaning: 'No payment provider with this name on this instance.' },
  card_declined: { kind: 'payment_declined', meaning: 'The card was declined.' },
  insufficient_funds: { kind: 'payment_declined', meaning: 'The card has insufficient funds.' },
  incorrect_number: { kind: 'payment_declined', meaning: 'The card number is incorrect.' },
  test_mode_card: { kind: 'payment_declined', meaning: 'Payments here are in test mode: use a test card.' },

  // Ideas
  challenge_not_found: { kind: 'not_found', meaning: 'No challenge with this id.' },
  idea_not_found: { kind: 'not_found', meaning: 'No idea with this id (in this challenge).' },
  merge_into_self: { kind: 'invalid', meaning: 'An idea cannot be merged into itself.' },
  ranking_private: { kind: 'forbidden', meaning: 'The hosts keep this challenge’s ranking private.' },
  challenge_has_ideas: { kind: 'conflict', meaning: 'The challenge has ideas from the crowd: it cannot go back to draft.' },
  challenge_not_published: { kind: 'conflict', meaning: 'The challenge is a draft: it accepts ideas and votes once published.' },
  challenge_phase_closed: { kind: 'conflict', meaning: 'The challenge’s current phase does not allow this.' },
  idea_merged: { kind: 'conflict', meaning: 'The idea was merged into another one (`mergedIntoId`).' },
  idea_rejected: { kind: 'conflict', meaning: 'The idea was rejected by the hosts.' },
  not_enough_ideas: { kind: 'conflict', meaning: 'The challenge needs at least two ideas to compare.' },
  no_pair_left: { kind: 'conflict', meaning: 'Every pair of ideas in the challenge was compared.' },
  pair_already_compared: { kind: 'conflict', meaning: 'These two ideas were already compared.' },
  own_idea: { kind: 'conflict', meaning: 'Nobody votes on their own idea.' },
  vote_budget_exhausted: { kind: 'conflict', meaning: 'All the votes of the challenge are used: take one back first.' },

  // Knowledge
  question_not_found: { kind: 'not_found', meaning: 'No question with this id.' },
  answer_not_found: { kind: 'not_found', meaning: 'No answer with this id.' },
  search_words_required: { kind: 'invalid', meaning: 'Sorting by relevance needs words to search (q).' },
  answer_not_accepted: { kind: 'conflict', meaning: 'The answer is not the accepted one.' },
  own_post: { kind: 'conflict', meaning: 'Nobody votes on their own question or answer.' },

  // Surveys
  survey_not_found: { kind: 'not_found', meaning: 'No survey with this id (on this project).' },
  invalid_answer: { kind: 'invalid', meaning: 'An answer does not fit its question; `details` names each problem.' },
  results_private: { kind: 'forbidden', meaning: 'The results of the survey are visible to its hosts only.' },
  segment_private: { kind: 'forbidden', meaning: 'Only the hosts read results by segment.' },
  survey_already_open: { kind: 'conflict', meaning: 'The survey is already open.' },
  survey_empty: { kind: 'conflict', meaning: 'A survey needs at least one question to open.' },
  survey_not_draft: { kind: 'conflict', meaning: 'This can change only while the survey is a draft.' },
  survey_not_open: { kind: 'conflict', meaning: 'The survey is not open.' },
  survey_closed: { kind: 'conflict', meaning: 'The survey is closed: answers can no longer be given or changed.' },
  response_conflict: { kind: 'conflict', meaning: 'The answer crossed another one: send it again.' },

  // Tasks
  batch_not_found: { kind: 'not_found', meaning: 'No task batch with this id.' },
  assignment_not_found: { kind: 'not_found', meaning: 'No assignment with this id.' },
  worker_not_found: { kind: 'not_found', meaning: 'This person did not work on the batch.' },
  empty_upload: { kind: 'invalid', meaning: 'The upload holds no rows.' },
  invalid_rows: { kind: 'invalid', meaning: 'Some rows of the upload are wrong; nothing was imported; `details` lists them.' },
  unsupported_content_type: { kind: 'invalid', meaning: 'The upload is not in a format this route takes.' },
  method_not_suited: { kind: 'invalid', meaning: 'The aggregation method does not suit the batch’s answers.' },
  not_qualified: { kind: 'forbidden', meaning: 'The worker’s accuracy on control items is below what the batch asks.' },
  lease_expired: { kind: 'conflict', meaning: 'The lease expired and the item went to someone else.' },
  assignment_done: { kind: 'conflict', meaning: 'The assignment was already submitted or released.' },
  batch_closed: { kind: 'conflict', meaning: 'The batch is closed.' },
  batch_empty: { kind: 'conflict', meaning: 'Upload items before publishing the batch.' },
  batch_not_draft: { kind: 'conflict', meaning: 'Items can be added only while the batch is a draft.' },
  batch_not_open: { kind: 'conflict', meaning: 'The batch is not open for work (paused or not published).' },
  batch_not_published: { kind: 'conflict', meaning: 'Only a published batch can be paused.' },
  not_pending_review: { kind: 'conflict', meaning: 'The assignment has no answer waiting for review.' },
  volunteer_batch: { kind: 'conflict', meaning: 'The batch pays no reward, so it takes no bonuses.' },
  escrow_short: { kind: 'unexpected', meaning: 'The batch escrow holds less than the pending pay (a bug on our side).' },
} as const satisfies Record<string, CodeEntry>;

/** A code of the catalogue. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes of one kind, e.g. `CodeOfKind<'not_found'>`. */
export type CodeOfKind<K extends ErrorKind> = { [C in ErrorCode]: (typeof ERROR_CODES)[C]['kind'] extends K ? C : never }[ErrorCode];

/**
 * The codes of a zod issue that `validation_failed` passes on in each of its `details` (with the issue's params, e.g.
 * `{ field: 'body.password', code: 'too_small', origin: 'string', minimum: 10, inclusive: true, message }`), so that
 * the web app can translate them too: `errors:issue.<code>` with the detail as params. Some translations have an
 * i18next context: `invalid_type` takes `required` (when `received` is `undefined`) or `expected`; `too_small` and
 * `too_big` take `origin` (`string`, `array`), or `exclusive` when `inclusive` is false; `invalid_format` takes
 * `format`. Among codes, `challenge_phase_closed` and `challenge_not_published` take `details.action`.
 */
export const VALIDATION_ISSUE_CODES = [
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
] as const;

export type ValidationIssueCode = (typeof VALIDATION_ISSUE_CODES)[number];

/** Whether a string is a code of the catalogue. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}
