import CapstanModel

/// A compute token as a scenario defines it (the issuer by name).
public struct ScenarioToken: Sendable, Hashable {
  /// The symbol.
  public var symbol: String
  /// The issuer's name.
  public var issuer: String
  /// The unit of compute.
  public var unit: String
  /// Units per token.
  public var unitsPerToken: Ratio
  /// The reference price.
  public var peg: Ratio?

  /// A token.
  public init(symbol: String, issuer: String, unit: String, unitsPerToken: Ratio, peg: Ratio?) {
    self.symbol = symbol
    self.issuer = issuer
    self.unit = unit
    self.unitsPerToken = unitsPerToken
    self.peg = peg
  }
}

/// A compute grant outside a round, as a scenario states it.
public struct ScenarioComputeGrant: Sendable, Hashable {
  /// The terms (provider by name).
  public var terms: WorkspaceDraft.ComputeGrantTerms
  /// The grant date.
  public var date: CalendarDate

  /// A grant.
  public init(terms: WorkspaceDraft.ComputeGrantTerms, date: CalendarDate) {
    self.terms = terms
    self.date = date
  }

  /// Equal when every term is equal (the equity link compared by its parts).
  public static func == (lhs: ScenarioComputeGrant, rhs: ScenarioComputeGrant) -> Bool {
    lhs.date == rhs.date && lhs.terms.provider == rhs.terms.provider
      && lhs.terms.symbol == rhs.terms.symbol && lhs.terms.tokens == rhs.terms.tokens
      && lhs.terms.agreedPrice == rhs.terms.agreedPrice && lhs.terms.unlock == rhs.terms.unlock
      && lhs.terms.expires == rhs.terms.expires && lhs.terms.clawbackOn == rhs.terms.clawbackOn
      && lhs.terms.equity?.security == rhs.terms.equity?.security
      && lhs.terms.equity?.release == rhs.terms.equity?.release
  }

  /// Hashes the date, provider, symbol and tokens.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(date)
    hasher.combine(terms.provider)
    hasher.combine(terms.symbol)
    hasher.combine(terms.tokens)
  }
}

extension ScenarioRound {
  /// Cash investors, then token investors at their agreed value.
  public var allInvestors: [Investor] {
    investors + tokenInvestments.map { Investor(.newInvestor($0.investor), amount: $0.amount) }
  }
}

extension Scenario {
  /// Whether the scenario defines tokens, token investments or compute grants.
  public var hasTokens: Bool {
    !tokens.isEmpty || !computeGrants.isEmpty
      || events.contains {
        if case .round(let round) = $0 { return !round.tokenInvestments.isEmpty }
        return false
      }
  }
}
