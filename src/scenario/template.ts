/** The commented template that `deal-model init` writes: the seed deal's shape, every key explained. */
export const TEMPLATE = `# A deal-model scenario: one long-term capacity contract.
# Check it with:  deal-model validate <this file>
# Project it:     deal-model project <this file>
# Editor support: deal-model schema > scenario.schema.json, then make the first
# line of this file:  # yaml-language-server: $schema=scenario.schema.json
#
# This template is the Colossus 1 lease as reported: $1.25 billion a month for
# all 300 MW through May 2029, discounted for the first two months, either
# party may terminate on 90 days' notice. The start date and the 50% ramp
# discount are assumptions. Replace the figures with your contract's.

name: Colossus 1 capacity lease          # required
currency: USD                            # ISO 4217 code (default USD)
parties: { provider: xAI, customer: Anthropic }   # labels, optional
capacity: { power_mw: 300, site: "Colossus 1, Memphis TN" }  # labels, optional

term:
  start: 2026-06-01                      # first day of service (YYYY-MM-DD)
  end: 2029-05-31                        # last day of service, inclusive

pricing:
  monthly_fee: 1.25B                     # fee for one full billing period: 1.25B, "$1,250,000,000" or 1250000000
  ramp:                                  # optional: steps for billing periods 1, 2, ... in order
    - { months: 2, discount: 50% }       # each step: months and either discount (0..100%) or fee (fixed amount)
  # escalation: { rate: 3%, every_months: 12 }   # optional; the rate may be negative

billing:
  periods: calendar                      # calendar (default) | anniversary
  timing: advance                        # advance (default) | arrears
  payment_terms_days: 0                  # days from the billing date to payment (default 0)

termination:                             # remove this section if nobody may terminate early
  notice_days: 90                        # days from a notice to the effective date
  by: either                             # either (default) | customer | provider | none
  fee: 0                                 # early-termination fee, paid by the party that gives notice
  # not_before: 2026-09-01               # optional: earliest date a notice may be given

valuation:
  discount_rate: 0%                      # annual effective rate (default 0)
  # date: 2026-06-01                     # valuation date (default term.start)

# risk:
#   monthly_notice_probability: 2%       # enables the expected value in deal-model terminate

# expect:                                # values that deal-model check compares, by path in the result
#   project.totals.fee: 43750000000.00
#   terminate.committed.total: 2419354838.71
`;
