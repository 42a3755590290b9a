/// Reading vesting terms as people type them on the command line.
extension VestingTerms {
  /// An amount as typed: shares (`1,000`, `2.5k`) or a percentage of the grant (`25%`).
  public enum TypedAmount: Sendable, Hashable {
    /// A number of shares.
    case shares(Shares)
    /// A fraction of the quantity granted.
    case portion(Ratio)
  }

  /// Reads `DATE:AMOUNT,DATE:AMOUNT,...` (`;` also separates; amounts may hold commas).
  public static func parseTranches(
    _ text: String, field: String
  ) throws(InputError) -> [(date: CalendarDate, amount: TypedAmount)] {
    let expected = "tranches as DATE:AMOUNT,... e.g. 2026-01-01:1000,2026-07-01:25%"
    // A new tranche starts at a piece that begins with a date and a colon.
    var items: [String] = []
    for piece in text.split(whereSeparator: { $0 == "," || $0 == ";" }).map(String.init) {
      let trimmed = piece.trimmingSpaces
      let startsTranche =
        trimmed.count > 11 && CalendarDate(iso: String(trimmed.prefix(10))) != nil
        && trimmed.dropFirst(10).first == ":"
      if startsTranche || items.isEmpty {
        items.append(trimmed)
      } else {
        items[items.count - 1] += "," + trimmed
      }
    }
    guard !items.isEmpty else { throw .invalid(field: field, input: text, expected: expected) }
    var result: [(date: CalendarDate, amount: TypedAmount)] = []
    for item in items {
      let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
      guard parts.count == 2, let date = CalendarDate(iso: parts[0].trimmingSpaces) else {
        throw .invalid(field: field, input: item, expected: expected)
      }
      result.append((date, try typedAmount(parts[1], field: field)))
    }
    return result
  }

  /// Reads `NAME:AMOUNT` (the last colon separates), e.g. `FDA approval:20%`.
  public static func parseMilestone(
    _ text: String, field: String
  ) throws(InputError) -> (name: String, amount: TypedAmount) {
    guard let colon = text.lastIndex(of: ":"),
      !text[..<colon].trimmingSpaces.isEmpty
    else {
      throw .invalid(
        field: field, input: text, expected: "a milestone as NAME:AMOUNT, e.g. \"FDA approval:20%\""
      )
    }
    return (
      text[..<colon].trimmingSpaces,
      try typedAmount(String(text[text.index(after: colon)...]), field: field)
    )
  }

  static func typedAmount(_ text: String, field: String) throws(InputError) -> TypedAmount {
    if text.trimmingSpaces.hasSuffix("%") {
      return .portion(try AmountParser.percentage(text, field: field))
    }
    return .shares(try AmountParser.shares(text, field: field))
  }

  /// Whole shares for typed amounts, in order: shares as given, percentages by cumulative
  /// floor over the list (so 3 × 33⅓ % of 1,000 gives 333, 333, 334 and adds up exactly).
  public static func resolve(
    _ amounts: [TypedAmount], of quantity: Shares, field: String
  ) throws(InputError) -> [Shares] {
    var result: [Shares] = []
    var fraction = Ratio.zero
    var fromPortions = Shares.zero
    for amount in amounts {
      switch amount {
      case .shares(let shares): result.append(shares)
      case .portion(let portion):
        fraction += portion
        guard fraction <= .one else {
          throw .invalid(
            field: field, input: portion.percentString(),
            expected: "percentages adding up to 100 % at most")
        }
        let cumulative = Shares((quantity.ratio * fraction).floorInt64 ?? quantity.count)
        result.append(cumulative - fromPortions)
        fromPortions = cumulative
      }
    }
    return result
  }
}

extension PeriodicVesting {
  /// Parses `TOTAL/CLIFF/EVERY` in days, e.g. `1461/365/7`.
  public static func parseDays(_ text: String, field: String) throws(InputError) -> PeriodicVesting
  {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 3, let total = parts[0], let cliff = parts[1], let every = parts[2],
      total > 0, total <= 40_000, cliff >= 0, cliff <= total, every > 0, every <= total
    else {
      throw .invalid(
        field: field, input: text, expected: "vesting as TOTAL/CLIFF/EVERY days, e.g. 1461/365/7")
    }
    return PeriodicVesting(unit: .days, length: total, frequency: every, cliff: cliff)
  }
}

extension VestingAcceleration {
  /// Parses `single[:FRACTION]` or `double[:WINDOW_MONTHS][:FRACTION]` (`double:12:50%`);
  /// the fraction defaults to 100 %, the window to 12 months.
  public static func parse(_ text: String, field: String) throws(InputError) -> VestingAcceleration
  {
    let expected = "single[:FRACTION] or double[:WINDOW_MONTHS][:FRACTION], e.g. double:12:100%"
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map {
      $0.trimmingSpaces.lowercased()
    }
    guard let kind = parts.first else {
      throw .invalid(field: field, input: text, expected: expected)
    }
    func fraction(_ text: String?) throws(InputError) -> Ratio {
      guard let text, !text.isEmpty else { return .one }
      let value = try AmountParser.percentage(text, field: field)
      guard value > .zero else { throw .invalid(field: field, input: text, expected: expected) }
      return value
    }
    switch kind {
    case "single", "single-trigger":
      guard parts.count <= 2 else { throw .invalid(field: field, input: text, expected: expected) }
      return VestingAcceleration(trigger: .single, fraction: try fraction(parts.dropFirst().first))
    case "double", "double-trigger":
      guard parts.count <= 3 else { throw .invalid(field: field, input: text, expected: expected) }
      var window = 12
      if parts.count >= 2, !parts[1].isEmpty {
        let digits = parts[1].hasSuffix("m") ? String(parts[1].dropLast()) : parts[1]
        guard let months = Int(digits), (1...1200).contains(months) else {
          throw .invalid(field: field, input: text, expected: expected)
        }
        window = months
      }
      return VestingAcceleration(
        trigger: .double(windowMonths: window), fraction: try fraction(parts.dropFirst(2).first))
    default:
      throw .invalid(field: field, input: text, expected: expected)
    }
  }
}
