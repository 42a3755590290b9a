/// How a schedule's installments are rounded to whole shares: the Open Cap Format's allocation
/// types (OCF 1.2.0 `enums/AllocationType`), named as OCF writes them.
///
/// OCF's own example, 18 shares in 4 installments: cumulative rounding 5-4-5-4, cumulative
/// round down 4-5-4-5, front loaded 5-5-4-4, back loaded 4-4-5-5, front loaded to a single
/// tranche 6-4-4-4, back loaded to a single tranche 4-4-4-6, fractional 4.5 each.
public enum VestingAllocation: String, Sendable, Hashable, Codable, CaseIterable {
  /// Vested after k of n installments = total × k ÷ n rounded half up.
  case cumulativeRounding = "CUMULATIVE_ROUNDING"
  /// Vested after k of n installments = floor(total × k ÷ n) (Capstan's default, DESIGN.md).
  case cumulativeRoundDown = "CUMULATIVE_ROUND_DOWN"
  /// Each installment floor(total ÷ n); the remainder r adds one share to each of the first r.
  case frontLoaded = "FRONT_LOADED"
  /// Each installment floor(total ÷ n); the remainder r adds one share to each of the last r.
  case backLoaded = "BACK_LOADED"
  /// Each installment floor(total ÷ n); the whole remainder goes to the first installment.
  case frontLoadedToSingleTranche = "FRONT_LOADED_TO_SINGLE_TRANCHE"
  /// Each installment floor(total ÷ n); the whole remainder goes to the last installment.
  case backLoadedToSingleTranche = "BACK_LOADED_TO_SINGLE_TRANCHE"
  /// Exactly total × k ÷ n; Capstan holds whole shares, so its whole-share view is the floor.
  case fractional = "FRACTIONAL"

  /// The command-line spelling: `cumulative-round-down`, `front-loaded`, ...
  public var flag: String { rawValue.lowercased().replacingOccurrences(of: "_", with: "-") }

  /// Whether the type works on equal installments (the four loaded types), so the schedule's
  /// length and cliff must be whole numbers of installments.
  public var needsWholeInstallments: Bool {
    switch self {
    case .frontLoaded, .backLoaded, .frontLoadedToSingleTranche, .backLoadedToSingleTranche: true
    case .cumulativeRounding, .cumulativeRoundDown, .fractional: false
    }
  }

  /// Parses the OCF name or the command-line spelling, case-insensitive.
  public static func parse(_ text: String, field: String) throws(InputError) -> VestingAllocation {
    let key = text.trimmingSpaces.uppercased().replacingOccurrences(of: "-", with: "_")
    let aliases: [String: VestingAllocation] = [
      "FRONT_LOADED_SINGLE": .frontLoadedToSingleTranche,
      "BACK_LOADED_SINGLE": .backLoadedToSingleTranche,
    ]
    guard let value = VestingAllocation(rawValue: key) ?? aliases[key] else {
      throw .invalid(
        field: field, input: text,
        expected: "one of " + allCases.map(\.flag).joined(separator: ", "))
    }
    return value
  }

  /// Whole shares of `amount` vested after `k` of `n` equal installments (0 ≤ k ≤ n, n > 0).
  ///
  /// `amount` and `n` are at most 2^63 and a few thousand, so every product fits in `Int128`.
  public func cumulative(_ amount: Int64, after k: Int64, of n: Int64) -> Int64 {
    if k <= 0 { return 0 }
    if k >= n { return amount }
    let total = Int128(amount)
    switch self {
    case .cumulativeRoundDown, .fractional:
      return Int64(total * Int128(k) / Int128(n))
    case .cumulativeRounding:
      // round half up of total × k ÷ n = floor((2 × total × k + n) ÷ 2n)
      return Int64((2 * total * Int128(k) + Int128(n)) / (2 * Int128(n)))
    case .frontLoaded:
      let (base, remainder) = amount.quotientAndRemainder(dividingBy: n)
      return base * k + min(k, remainder)
    case .backLoaded:
      let (base, remainder) = amount.quotientAndRemainder(dividingBy: n)
      return base * k + max(0, k - (n - remainder))
    case .frontLoadedToSingleTranche:
      let (base, remainder) = amount.quotientAndRemainder(dividingBy: n)
      return base * k + remainder
    case .backLoadedToSingleTranche:
      return amount / n * k
    }
  }

  /// Whole shares of `amount` for an exact share `fraction` of it on its own (a cliff
  /// installment stated as a portion): floor, or half up under cumulative rounding.
  func portion(_ amount: Int64, _ fraction: Ratio) -> Int64 {
    fraction.wholePart(of: amount, halfUp: self == .cumulativeRounding)
  }
}

extension Ratio {
  /// `floor(value × self)`, or half up when `halfUp`, for 0 ≤ self ≤ 1 and value ≥ 0: in
  /// 128-bit integers when the ratio is small (no `BigInt`, no allocation), else exactly.
  func wholePart(of value: Int64, halfUp: Bool = false) -> Int64 {
    if case .small(let n, let d) = storage {
      let numerator = Int128(value) * Int128(n)
      let quotient =
        halfUp ? (2 * numerator + Int128(d)) / (2 * Int128(d)) : numerator / Int128(d)
      return Int64(clamping: quotient)
    }
    let exact = Ratio(value) * self
    return (halfUp ? exact.rounded(places: 0) : exact).floorInt64 ?? value
  }
}
