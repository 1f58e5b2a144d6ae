// The validation panel (hosts): one answer to "should I launch?" from the project's audience, its validation survey,
// its idea challenges and its campaign draft.
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { signupStats } from '../community/signups.js';
import { followsPerDay } from '../community/audience.js';
import { campaignToCompare } from '../funding/campaign-to-compare.js';
import { ideaTraction } from '../ideas/traction.js';
import { validationSurvey } from '../surveys/validation-survey.js';
import { campaignTotals, tiersOf } from '../funding/campaigns.js';
import { requireProjectHost, type Project } from '../projects/access.js';
import { loadQuestions, type Survey } from '../surveys/access.js';
import { scaleTop } from '../surveys/questions.js';
import { surveyResults } from '../surveys/results.js';
import { wilsonInterval } from '../../lib/statistics/index.js';
import { medianPrice, verdictOf } from './verdict.js';

const DAY_MS = 86_400_000;

export interface DailyPoint {
  date: string;
  /** New that day. */
  count: number;
  /** Running total at the end of that day. */
  total: number;
}

/** Daily counts with a running total that starts from what came before the window. */
function withTotals(daily: { date: string; count: number }[], before: number): DailyPoint[] {
  let total = before;
  return daily.map((d) => {
    total += d.count;
    return { date: d.date, count: d.count, total };
  });
}

/** Follows per UTC day over the window, and how many there were before it. */
async function followersOverTime(db: Executor, project: Project, from: Date, to: Date) {
  const { counts, before } = await followsPerDay(db, project.id, from);
  const daily: { date: string; count: number }[] = [];
  for (let d = from.getTime(); d <= to.getTime(); d += DAY_MS) {
    const date = new Date(d).toISOString().slice(0, 10);
    daily.push({ date, count: counts.get(date) ?? 0 });
  }
  const points = withTotals(daily, before);
  return { total: points.length ? points[points.length - 1]!.total : before, daily: points };
}

/** Intent to back and the acceptable price range, from the survey's results (everyone). */
async function surveyFigures(db: Executor, survey: Survey) {
  const questions = await loadQuestions(db, survey.id);
  const results = await surveyResults(db, survey, questions, { kind: 'all' }, 'everyone', false);
  const byId = new Map(results.questions.map((r) => [r.id, r]));
  const intentQ = questions.find((q) => q.intent);
  let intent = null;
  if (intentQ) {
    const r = byId.get(intentQ.id)!;
    // single: the first option; scale: the top two points (top-two-box).
    const yes =
      intentQ.kind === 'single'
        ? (r.options?.[0]?.count ?? 0)
        : (r.histogram ?? []).filter((b) => b.from >= scaleTop(intentQ) - 1).reduce((s, b) => s + b.count, 0);
    intent = {
      questionId: intentQ.id,
      prompt: intentQ.prompt,
      kind: intentQ.kind,
      definition: intentQ.kind === 'single' ? `${intentQ.options[0]}` : `${scaleTop(intentQ) - 1}–${scaleTop(intentQ)}`,
      yes,
      respondents: r.responses,
      share: r.responses ? yes / r.responses : 0,
      interval: wilsonInterval(yes, r.responses),
    };
  }
  const priceQ = questions.find((q) => q.kind === 'price');
  const p = priceQ ? byId.get(priceQ.id)! : null;
  const price =
    priceQ && p?.price
      ? {
          questionId: priceQ.id,
          prompt: priceQ.prompt,
          currency: priceQ.currency,
          respondents: p.responses,
          acceptableRange: p.price.acceptableRange,
          optimalPricePoint: p.price.optimalPricePoint,
          indifferencePricePoint: p.price.indifferencePricePoint,
        }
      : null;
  return { id: survey.id, title: survey.title, status: survey.status, responses: results.responses, intent, price };
}

/** The campaign to compare with: the latest draft or live one, else the latest. */
async function campaignFigures(db: Executor, project: Project) {
  const campaign = await campaignToCompare(db, project.id);
  if (!campaign) return null;
  const tiers = await tiersOf(db, campaign.id);
  const totals = await campaignTotals(db, campaign);
  return {
    id: campaign.id,
    title: campaign.title,
    status: campaign.status,
    model: campaign.model,
    currency: campaign.currency,
    goal: campaign.goal,
    deadline: campaign.deadline.toISOString(),
    raised: totals.raised,
    backers: totals.backers,
    tiers: tiers.map((t) => ({ id: t.id, title: t.title, price: t.price })),
    medianTierPrice: medianPrice(tiers.map((t) => t.price)),
  };
}

/**
 * The validation panel of a project, for its hosts: followers and sign-ups over the last `days` days, intent to
 * back and acceptable price range from the validation survey, idea traction, the campaign's goal, and the verdict.
 * @example await validationPanel(ctx, actor, 'solar-kettle', { days: 90 })
 */
export async function validationPanel(
  ctx: AppContext,
  actor: Actor | null,
  projectIdOrSlug: string,
  opts: { days: number; surveyId?: string },
) {
  // Why: the panel shows the hosts' private figures (sign-ups, private survey results, campaign draft).
  const project = await requireProjectHost(ctx.db, projectIdOrSlug, actor);
  const today = new Date(`${ctx.clock.now().toISOString().slice(0, 10)}T00:00:00Z`);
  const from = new Date(today.getTime() - (opts.days - 1) * DAY_MS);
  const followers = await followersOverTime(ctx.db, project, from, today);
  const signupFigures = await signupStats(ctx, actor, project.id, opts.days);
  const signupsInWindow = signupFigures.daily.reduce((s, d) => s + d.count, 0);
  const signups = {
    total: signupFigures.count,
    notified: signupFigures.notified,
    daily: withTotals(signupFigures.daily, signupFigures.count - signupsInWindow),
  };
  const survey = await validationSurvey(ctx.db, project.id, opts.surveyId);
  const surveyPart = survey ? await surveyFigures(ctx.db, survey) : null;
  const campaign = await campaignFigures(ctx.db, project);
  const summary = verdictOf({
    signups: signups.total,
    intent: surveyPart?.intent ? { yes: surveyPart.intent.yes, respondents: surveyPart.intent.respondents } : null,
    goal: campaign?.goal ?? null,
    medianTierPrice: campaign?.medianTierPrice ?? null,
    currency: campaign?.currency ?? null,
    acceptableRange: surveyPart?.price?.acceptableRange ?? null,
    priceCurrency: surveyPart?.price?.currency ?? null,
  });
  return {
    projectId: project.id,
    days: opts.days,
    from: from.toISOString().slice(0, 10),
    to: today.toISOString().slice(0, 10),
    followers,
    signups,
    survey: surveyPart,
    ideas: await ideaTraction(ctx.db, project.id),
    campaign,
    summary,
  };
}
