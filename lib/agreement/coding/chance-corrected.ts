import type { CoefficientResult, UndefinedReason } from "../types";

/** kappa-style coefficient (A_o − A_e) / (1 − A_e); undefined when A_e is 1. */
export function fromAgreements(observed: number, expected: number): CoefficientResult {
  if (expected >= 1) {
    return { status: "undefined", basis: "agreement", reason: "expected-agreement-one", observed, expected, value: null };
  }
  return { status: "defined", basis: "agreement", observed, expected, value: (observed - expected) / (1 - expected) };
}

/** alpha-style coefficient 1 − D_o / D_e; undefined when D_e is 0 (nothing could be disagreed on). */
export function fromDisagreements(observed: number, expected: number): CoefficientResult {
  if (!(expected > 0)) {
    return { status: "undefined", basis: "disagreement", reason: "no-expected-disagreement", observed, expected, value: null };
  }
  return { status: "defined", basis: "disagreement", observed, expected, value: 1 - observed / expected };
}

/** A result for data from which neither quantity can be computed. */
export function undefinedCoefficient(
  basis: "agreement" | "disagreement",
  reason: UndefinedReason,
): CoefficientResult {
  return { status: "undefined", basis, reason, observed: null, expected: null, value: null };
}
