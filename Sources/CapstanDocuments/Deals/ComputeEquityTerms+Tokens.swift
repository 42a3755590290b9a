import CapstanModel

extension ComputeEquityTerms {
  /// The compute-for-equity terms of a round's token investment (`--invest-tokens`).
  ///
  /// - Parameters:
  ///   - token: the token's definition (symbol, unit, units per token, issuer).
  ///   - closing: the round's closing date (delivery at grant means delivery then).
  ///   - marketPrice: the token's market price on the closing date, when the series has one.
  public init(
    _ investment: TokenInvestment, token: Token, closing: CalendarDate, marketPrice: Ratio?
  ) {
    let delivery: Delivery =
      switch investment.unlock ?? .atGrant {
      case .atGrant: .atClosing(closing)
      case .vesting(let schedule):
        .schedule(
          DeliverySchedule(
            start: schedule.start, months: schedule.totalMonths,
            cliffMonths: schedule.cliffMonths, frequencyMonths: schedule.frequencyMonths))
      case .priceGated(let gate):
        .priceGated(
          start: gate.start,
          tranches: gate.tranches.map {
            PriceGatedTranche(tokens: $0.tokens.ratio, target: $0.target)
          },
          end: gate.end)
      case .terms(let terms): .terms(terms)
      }
    self.init(
      provider: investment.investor, token: token, tokens: investment.tokens.ratio,
      agreedTokenPrice: investment.agreedPrice, delivery: delivery,
      equityRelease: investment.release == .inStep ? .inStepWithDelivery : .atClosing,
      expiry: investment.expires, marketPrice: marketPrice)
    clawbackOn = investment.clawbackOn
  }
}

extension ComputeEquityTerms.Token {
  /// A token as the token model defines it; the GPU type is read off the unit ("H100-hour"
  /// gives "H100"; `--set gpu_type=...` says more).
  public init(symbol: String, unit: String, unitsPerToken: Ratio, issuer: String) {
    var gpu = unit
    for suffix in ["-hours", "-hour", " hours", " hour"] where gpu.lowercased().hasSuffix(suffix) {
      gpu = String(gpu.dropLast(suffix.count))
      break
    }
    self.init(
      symbol: symbol, unit: unit, gpuType: gpu.isEmpty ? unit : gpu,
      unitsPerToken: unitsPerToken, issuer: issuer)
  }
}

extension TermSheetDeal {
  /// Attaches the compute-for-equity terms of the token investor named `provider` (or the only
  /// one), looking its token up in `tokens` and the market price on the closing date in
  /// `prices`; nothing when the round has no token investor, or several and none is named.
  public mutating func attachCompute(
    _ investments: [TokenInvestment], tokens: [String: ComputeEquityTerms.Token],
    prices: [String: TokenPriceSeries], provider: String?
  ) throws(DocumentError) {
    let chosen: TokenInvestment?
    if let provider {
      // The name typed for --provider, matched against the round's token investors.
      chosen = investments.first { $0.investor.lowercased() == provider.lowercased() }
      guard chosen != nil else {
        let known = investments.map(\.investor).joined(separator: ", ")
        throw DocumentError.dealMismatch(
          "no token investor named \(provider) in \(roundName) (token investors: \(known.isEmpty ? "none" : known))"
        )
      }
    } else {
      // Several token investors and none chosen: the round-level sheet covers them all
      // (`tokenLegs`); a template about one provider asks for --provider (the CLI says so).
      chosen = investments.count == 1 ? investments.first : nil
    }
    guard let investment = chosen else { return }
    let symbol = investment.symbol.uppercased()
    guard let token = tokens[symbol] else {
      throw DocumentError.dealMismatch(
        "\(investment.investor) pays in \(investment.symbol), which is not defined (capstan token add)"
      )
    }
    compute = ComputeEquityTerms(
      investment, token: token, closing: result.closing,
      marketPrice: prices[symbol]?.price(on: result.closing))
    // Token investors come last among the round's investors, in the terms' order, so the
    // provider's line is found by position (a holder investing cash too has two lines).
    if let index = investments.firstIndex(of: investment) {
      compute?.investorLine = result.investors.count - investments.count + index
    }
  }
}
