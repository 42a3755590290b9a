import ArgumentParser
import CapstanEngine
import CapstanModel

extension RoundCommand {
  /// The deal terms shared by the round commands.
  struct Terms: ParsableArguments {
    @Option(
      help: "The pre-money valuation, divided over the pricing shares to give the price.",
      transform: Amount.money("--pre-money"))
    var preMoney: Ratio?
    @Option(
      help: "The post-money valuation; the pre-money is this minus the new money.",
      transform: Amount.money("--post-money"))
    var postMoney: Ratio?
    @Option(
      help: "A stated price per share, used exactly as given (it is not rounded).",
      transform: Amount.money("--price"))
    var price: Ratio?
    @Option(
      help: "An investor and its amount as NAME=AMOUNT; repeat for each investor, the lead first.",
      transform: { try Investment.parse($0, field: "--invest") })
    var invest: [Investment] = []
    @Option(
      help: """
        An investor paying in compute tokens at an agreed price, as NAME=TOKENS@PRICExSYMBOL \
        (e.g. computeco=1,500,000@2.00xH100H); repeat for each token investor.
        """, transform: { try TokenInvestment.parse($0, field: "--invest-tokens") })
    var investTokens: [TokenInvestment] = []
    @Option(
      help: """
        Instead of a valuation, the token investors' stake after the round ("N tokens for \
        P %"); the post-money is their agreed value divided by P.
        """
    )
    var tokenPercent: String?
    @OptionGroup var tokenUnlock: TokenUnlockOptions
    @Option(
      help: "How token investors' shares are released: up-front (the default) or in-step.")
    var tokenRelease: EquityConsideration.Release?
    @Option(help: "The last day the invested tokens can be redeemed or sold.")
    var tokenExpires: CalendarDate?
    @Option(help: "The event on which still-locked invested tokens can be clawed back.")
    var tokenClawbackOn: String?
    @Option(
      help: """
        The unissued pool the round must leave, as a share of post-money fully diluted shares \
        (e.g. 12%); the increase is solved together with the price.
        """, transform: Amount.percentage("--pool-target"))
    var poolTarget: Ratio?
    @Option(
      help: "A pool increase of this many shares, inside the pre-money.",
      transform: Amount.shares("--pool-increase"))
    var poolIncrease: Shares?
    @Option(
      help: """
        The shares the price is computed over. including-conversions (the default) divides \
        the pre-money by the fully diluted shares with the pool increase and the conversion \
        shares; excluding-conversions leaves the conversion shares out; dollars-invested \
        divides the pre-money plus the converting amounts by the same shares as \
        including-conversions (Cooley's pricing methods).
        """
    )
    var basis: PricingBasis = .includingConversions
    @Option(help: "The closing date; notes accrue interest to it (default: today).")
    var date: CalendarDate?
    @Option(
      help: """
        A pro rata election, HOLDER=full, HOLDER=declined or HOLDER=AMOUNT (repeat for each \
        holder). A shareholder named here has an investors' rights pro rata right; the holder \
        of a SAFE with a pro rata side letter has one for its conversion shares.
        """, transform: { try ProRataChoice.parse($0, field: "--pro-rata") })
    var proRata: [ProRataChoice] = []
    @Flag(
      help: """
        Add pro rata purchases to the round. By default they are carved out of the investors' \
        shares, the lead's first, and the round's total stays the same.
        """)
    var proRataOnTop = false
    @Option(
      help: """
        What narrow-based anti-dilution counts as A: series (the protected series only, the \
        default), preferred (all preferred as converted) or outstanding (common and preferred \
        outstanding, no options).
        """)
    var narrowBase: NarrowBase?
    @Option(
      help: """
        An MFN election as SAFE_ID=LATER_SAFE_ID: the MFN SAFE converts on the later SAFE's \
        cap and discount.
        """
    )
    var mfnAdopt: [String] = []
    @Option(
      name: .customLong("class"),
      help: "The new class's name; conversion sub-series are named after it (Series A-1).")
    var className: String = "Series A"
    @Option(
      help: "The new class's liquidation preference multiple (default: 1x).",
      transform: Amount.multiple("--liquidation-multiple"))
    var liquidationMultiple: Ratio?
    @Flag(help: "The new class participates with the common after its preference.")
    var participating = false
    @Option(
      help: "With --participating, the participation cap as a multiple of the issue price.",
      transform: Amount.multiple("--cap"))
    var cap: Ratio?
    @Option(help: "The new class's seniority (default: one above the most senior class).")
    var seniority: Int?
    @Option(
      help: """
        The new class's anti-dilution protection: none, broad (the default), narrow or \
        ratchet.
        """)
    var antiDilution: AntiDilution = .broadBasedWeightedAverage

    /// Whether no valuation and no investor is given (`round save --from-offer`).
    var isEmpty: Bool {
      preMoney == nil && postMoney == nil && price == nil && tokenPercent == nil
        && invest.isEmpty && investTokens.isEmpty
    }

    func validate() throws {
      // A command that can take its terms elsewhere checks `requireGiven()` itself.
      if !isEmpty { try requireGiven() }
    }

    /// Refuses terms without exactly one valuation and at least one investor.
    func requireGiven() throws {
      let valuations = [preMoney != nil, postMoney != nil, price != nil, tokenPercent != nil]
      guard valuations.filter({ $0 }).count == 1 else {
        throw ValidationError(
          "give exactly one of --pre-money, --post-money, --price or --token-percent")
      }
      guard !invest.isEmpty || !investTokens.isEmpty else {
        throw ValidationError("give at least one --invest NAME=AMOUNT or --invest-tokens")
      }
      if tokenPercent != nil && investTokens.isEmpty {
        throw ValidationError("--token-percent needs --invest-tokens")
      }
      if poolTarget != nil && poolIncrease != nil {
        throw ValidationError("give --pool-target or --pool-increase, not both")
      }
      if cap != nil && !participating {
        throw ValidationError("--cap limits participation; add --participating")
      }
    }

    /// The terms as the model keeps them: investors and pro rata holders that are stakeholders
    /// by id (`RoundTerms.resolvingNames(in:)`); a pro rata holder no stakeholder has is
    /// refused.
    func roundTerms(seniorityDefault: Int, stakeholders: [Stakeholder]) throws -> RoundTerms {
      let participation: Participation =
        cap.map { .capped(multiple: $0) } ?? (participating ? .full : .none)
      var terms = RoundTerms(
        valuation: valuation,
        investors: invest,
        pool: poolTarget.map { .target($0) } ?? poolIncrease.map { .increase($0) } ?? .none,
        pricingBasis: basis,
        newClass: NewClassTerms(
          name: className,
          preference: LiquidationPreference(
            multiple: liquidationMultiple ?? .one, participation: participation,
            seniority: seniority ?? seniorityDefault),
          antiDilution: antiDilution))
      terms.proRata = proRata.isEmpty ? nil : proRata
      terms.proRataOnTop = proRataOnTop ? true : nil
      terms.narrowBase = narrowBase
      terms.mfnAdoptions = try RoundTerms.mfnAdoptions(parsing: mfnAdopt, field: "--mfn-adopt")
      terms.tokenInvestments = try tokenInvestments()
      if let tokenPercent { try terms.setTokenStake(tokenPercent, field: "--token-percent") }
      terms = terms.resolvingNames(in: stakeholders)
      try terms.checkProRataHolders(field: "--pro-rata")
      return terms
    }

    /// The `--invest-tokens` entries with the token terms.
    func tokenInvestments() throws -> [TokenInvestment] {
      let closing = date ?? Today.date
      return try investTokens.map { investment in
        var investment = investment
        // Each investor's terms resolve against its own tokens (percentages of tranches).
        investment.unlock = try tokenUnlock.input.map {
          try UnlockSchedule.from(
            $0, tokens: investment.tokens, start: closing, flag: TokenUnlockOptions.flag)
        }
        investment.release = tokenRelease
        investment.expires = tokenExpires
        investment.clawbackOn = tokenClawbackOn
        return investment
      }
    }

    /// The valuation given (a token stake's post-money is solved from the stake).
    var valuation: Valuation {
      if tokenPercent != nil { return .postMoney(.zero) }
      if let preMoney { return .preMoney(preMoney) }
      if let postMoney { return .postMoney(postMoney) }
      return .pricePerShare(price ?? .zero)
    }
  }
}
