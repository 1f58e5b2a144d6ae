// ISO 3166-1 alpha-2 codes, for the shipping country of a reward shipped "to the rest of the world".
const CODES =
  'AD AE AF AG AI AL AM AO AR AT AU AW AZ BA BB BD BE BF BG BH BI BJ BM BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GI GL GM GN GQ GR GT GW GY HK HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MO MR MT MU MV MW MX MY MZ NA NC NE NG NI NL NO NP NR NZ OM PA PE PF PG PH PK PL PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VN VU WS YE ZA ZM ZW'.split(
    ' ',
  );

/** Every country a shipping rule reaches, named in the reader's language, sorted by name. */
export function shippingCountries(groups: { countries: string[] }[], language: string): { code: string; name: string }[] {
  const all = groups.some((g) => g.countries.includes('*'));
  const codes = all ? CODES : [...new Set(groups.flatMap((g) => g.countries))];
  const names = new Intl.DisplayNames([language], { type: 'region' });
  return codes.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, language));
}

/** The shipping cost to a country: its group, else the rest of the world, else null (no shipping there). */
export function shippingCost(groups: { countries: string[]; cost: number }[], country: string): number | null {
  const g = groups.find((x) => x.countries.includes(country)) ?? groups.find((x) => x.countries.includes('*'));
  return g ? g.cost : null;
}

/** A country's name in the reader's language. */
export function countryName(code: string, language: string): string {
  if (code === '*') return '';
  return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
}
