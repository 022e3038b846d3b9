/**
 * Escalation by contract month (SPEC §2, §9): an amount stepped up by
 * `rate` every `everyMonths` contract months, counted from the start:
 * amount × (1 + rate)^floor((j − 1) / every). Fees, power prices and
 * operating costs all escalate this way.
 */
import type { Escalation } from './contract.js';
import { ONE, type Decimal } from './money.js';

export function escalated(amount: Decimal, escalation: Escalation | null, month: number): Decimal {
  if (!escalation || escalation.rate.isZero()) return amount;
  const steps = Math.floor((month - 1) / escalation.everyMonths);
  return steps === 0 ? amount : amount.times(ONE.plus(escalation.rate).pow(steps));
}
