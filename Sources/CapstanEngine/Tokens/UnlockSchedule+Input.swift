import CapstanModel

extension UnlockSchedule {
  /// The unlock schedule of `tokens` from typed terms starting on `start`: `.vesting` for a
  /// plain monthly schedule, `.terms` otherwise, `.atGrant` without terms; a schedule that
  /// cannot deliver `tokens` is refused, naming the option `flag` gives for the field.
  public static func from(
    _ input: VestingTermsInput, tokens: TokenAmount, start: CalendarDate,
    flag: (VestingTermsInput.Field) -> String
  ) throws -> UnlockSchedule {
    guard
      let terms = try input.terms(quantity: Shares(tokens.count), start: start, name: flag)
    else { return .atGrant }
    let schedule = UnlockSchedule.of(terms)
    if let problem = schedule.problem(for: tokens) {
      let field: VestingTermsInput.Field =
        input.tranches != nil ? .tranches : input.milestones.isEmpty ? .months : .milestone
      throw InputError.invalid(
        field: flag(field),
        input: input.tranches ?? input.milestones.first ?? input.months ?? input.days ?? "",
        expected: "unlock terms that work: \(problem)")
    }
    return schedule
  }

  /// A compute grant's schedule: the vesting-style `unlock` terms, or price-gated tranches
  /// written `TOKENS@TARGET_PRICE` that all unlock on `gateEnd` at the latest, or every token
  /// at grant; both starting on `start`. Errors name the options (`flag` for the terms).
  public static func grant(
    unlock: VestingTermsInput?, tokens: TokenAmount, start: CalendarDate, priceGate: [String],
    gateEnd: String?, flag: (VestingTermsInput.Field) -> String
  ) throws -> UnlockSchedule {
    if let unlock {
      guard priceGate.isEmpty else {
        throw InputError.invalid(
          field: "--price-gate", input: priceGate[0],
          expected: "no --unlock... option as well (one schedule)")
      }
      return try from(unlock, tokens: tokens, start: start, flag: flag)
    }
    guard !priceGate.isEmpty else { return .atGrant }
    guard let gateEnd else {
      throw InputError.missing(
        field: "--gate-end", expected: "the date the price-gated tranches unlock anyway")
    }
    let tranches = try priceGate.map { entry in
      let parts = entry.split(separator: "@", maxSplits: 1).map(String.init)
      guard parts.count == 2 else {
        throw InputError.invalid(
          field: "--price-gate", input: entry, expected: "TOKENS@TARGET_PRICE, e.g. 500,000@3.00")
      }
      return PriceGate.Tranche(
        tokens: try AmountParser.tokens(parts[0], field: "--price-gate"),
        target: try AmountParser.amount(parts[1], field: "--price-gate"))
    }
    return .priceGated(
      PriceGate(
        start: start, tranches: tranches, end: try AmountParser.date(gateEnd, field: "--gate-end")))
  }
}
