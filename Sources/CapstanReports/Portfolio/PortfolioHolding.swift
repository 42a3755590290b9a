import CapstanEngine
import CapstanModel

/// One company of a portfolio: what the investor holds there, what it cost, its mark, its
/// compute exposure, and the control and dependency flags.
public struct PortfolioHolding: Sendable {
  /// The company.
  public var company: String
  /// Securities held (`Series A 2,000,000; SAFE-1`).
  public var securities: String
  /// Fully diluted fraction held; with outstanding SAFEs or notes in the company, counted with
  /// their estimated conversion (`fullyDilutedEstimated`).
  public var fullyDiluted: Ratio
  /// Fraction of the votes held.
  public var voting: Ratio
  /// Cost paid in cash: the cost basis of the securities not paid in tokens.
  public var costCash: Ratio
  /// Cost paid in tokens: tokens granted × agreed price.
  public var costTokens: Ratio
  /// Mark: shares (as converted) × the last round price per common share, options and
  /// warrants at their spread, SAFEs and notes at cost.
  public var mark: Ratio
  /// Which price the mark used.
  public var markNote: String
  /// The investor's compute grants to the company.
  public var compute: [ComputeExposure]
  /// Board seats held on the date.
  public var boardSeats: [String]
  /// Protective provisions held on the date.
  public var provisions: [String]
  /// GPU-hours the company recorded as used, up to the date (nil: none recorded).
  public var computeUse: Ratio?
  /// Whether `fullyDiluted` counts SAFEs and notes at their estimated conversion (at the cap,
  /// `ConvertibleEstimate`): an estimate, flagged as such in the report.
  public var fullyDilutedEstimated = false
  /// The investor's other rights held on the date (`board right`).
  public var rights: [ControlRight] = []
  /// The company's market segment on the date (`company add --segment`), if recorded.
  public var segment: String?
  /// Findings across the portfolio (seats at companies of one segment), set by the report.
  public var portfolioFindings: [PortfolioFinding] = []
  /// Whether the investor holds a security of the company (false: compute grants only).
  public var holdsEquity = true

  /// Cash plus tokens.
  public var cost: Ratio { costCash + costTokens }
  /// Mark − cost.
  public var unrealisedGain: Ratio { mark - cost }
  /// Mark ÷ cost (nil when nothing was paid, or when no equity is held: a compute grant
  /// without equity has no multiple, not 0.00x).
  public var moic: Ratio? { cost.isZero || !holdsEquity ? nil : mark / cost }
  /// GPU-hours delivered ÷ the company's recorded compute use (nil when none recorded).
  public var computeShare: Ratio? {
    guard let computeUse, computeUse > .zero else { return nil }
    return Ratio.sum(compute.map(\.gpuHoursDelivered)) / computeUse
  }

  /// The control, dependency and FTC 6(b) flags (names with the default thresholds).
  public enum Flag: String, Sendable, CaseIterable {
    /// ≥ 20 % fully diluted (`PortfolioThresholds.fullyDiluted`).
    case fullyDiluted = "fd>=20%"
    /// ≥ 50 % of the votes (`PortfolioThresholds.votes`).
    case votes = "votes>=50%"
    /// A board seat.
    case board = "board-seat"
    /// Dependency: ≥ 50 % of the company's compute (`PortfolioThresholds.computeShare`).
    case compute = "compute>=50%"
    /// FTC 6(b): equity and revenue-share rights.
    case equity = "equity-rev-share"
    /// FTC 6(b): consultation, control and consent rights.
    case control = "control-consent"
    /// FTC 6(b): exclusivity.
    case exclusivity = "exclusivity"
    /// FTC 6(b): spend commitments.
    case spendCommitment = "spend-commitment"
    /// FTC 6(b): access to sensitive information.
    case sensitiveInformation = "sensitive-info"
    /// Board seats or observers at two or more portfolio companies of one segment.
    case segmentSeats = "segment-seats"
  }

  /// The flags raised with the default thresholds.
  public var flags: [Flag] { flags(PortfolioThresholds()) }
}

extension PortfolioHolding {
  /// The investor's holding in one company, or nil when it holds nothing there (no security
  /// and no compute grant).
  static func make(
    investor: String, ledger: Ledger, table: CapTable, compute: [ComputeExposure],
    records: [ControlRecord]
  ) throws -> PortfolioHolding? {
    // The investor's name becomes its stakeholder id once; stock and grants join on the id.
    guard let investorID = Stakeholder.named(investor, in: ledger.stakeholders.values)?.id
    else { return nil }
    let ids: Set<Stakeholder.ID> = [investorID]
    let grants = compute.filter { $0.grantorID == investorID }
    let last = LastRound(ledger: ledger, table: table)
    var held: [String] = []
    var basis = Ratio.zero
    // Stock the tokens paid for (linked by the grants) is not cash cost.
    let paidInTokens = Set(grants.compactMap(\.equitySecurity))
    var tokenPaidBasis = Ratio.zero
    var mark = Ratio.zero
    var atCost = false
    var byClass: [ShareClass.ID: Shares] = [:]
    for position in table.stock.values where ids.contains(position.holder) {
      byClass[position.shareClass, default: .zero] += position.quantity
      basis += position.quantity.ratio * position.pricePerShare
      if paidInTokens.contains(position.security.rawValue) {
        tokenPaidBasis += position.quantity.ratio * position.pricePerShare
      }
    }
    let capitalization = CompanyCapitalization(table)
    for (id, shares) in byClass.sorted(by: { $0.key < $1.key }) {
      let state = table.classes[id]
      held.append("\(state?.definition.name ?? id.rawValue) \(shares.formatted)")
      // As converted per holder and class, as every view counts it.
      let converted = Ratio.sum(
        capitalization.stock.filter { $0.shareClass == id && ids.contains($0.holder) }
          .map(\.asConverted.ratio))
      mark += last.map { converted * $0.pricePerCommon } ?? shares.ratio * .zero
    }
    var options = Shares.zero
    for grant in table.options.values where ids.contains(grant.holder) && grant.outstanding > .zero
    {
      options += grant.outstanding
      if let last {
        mark += grant.outstanding.ratio * max(.zero, last.pricePerCommon - grant.strike)
      }
    }
    for warrant in table.warrants.values
    where ids.contains(warrant.issuance.holder) && warrant.outstanding > .zero {
      options += warrant.outstanding
      if let last {
        mark +=
          warrant.outstanding.ratio * max(.zero, last.pricePerCommon - warrant.strike)
      }
    }
    if options > .zero { held.append("options/warrants \(options.formatted)") }
    for (id, convertible) in table.convertibles.sorted(by: { $0.key < $1.key })
    where ids.contains(convertible.holder) {
      held.append(id.rawValue)
      basis += convertible.amount
      mark += convertible.amount
      atCost = true
    }
    guard !held.isEmpty || !grants.isEmpty else { return nil }
    if last == nil {
      // No priced round: stock is held at its cost.
      mark = basis
    }
    var note =
      last.map {
        "\($0.className) price \($0.pricePerCommon.decimalString(places: 4)) per common share "
          + "(closed \($0.date.iso))"
      } ?? "no priced round: held at cost"
    if atCost { note += "; SAFEs and notes at cost" }

    let tokens = Ratio.sum(grants.map(\.consideration))
    let cash = basis - tokenPaidBasis
    // Outstanding SAFEs and notes count as their estimated conversion, as in
    // `capstan table --basis fully-diluted-with-convertibles`: the investor's own convertibles
    // add their estimated shares, everyone's enlarge the total.
    let estimate = try ConvertibleEstimate(table, on: table.asOf)
    let estimated = estimate.totalShares > .zero
    let fdView =
      estimated
      ? OwnershipView(table, grouping: .holder, convertibles: estimate)
      : OwnershipView(table, capitalization, basis: .fullyDiluted, grouping: .holder)
    let ownConvertibles = Set(
      table.convertibles.filter { ids.contains($0.value.holder) }.map(\.key))
    let ownEstimate = estimate.lines.filter { ownConvertibles.contains($0.security) }
      .reduce(Shares.zero) { $0 + $1.shares }
    let ownShares =
      fdView.rows.filter { row in row.holder.map { ids.contains($0) } ?? false }
      .reduce(Shares.zero) { $0 + $1.total } + ownEstimate
    let fd = fdView.total > .zero ? Ratio(ownShares.count, fdView.total.count) : .zero
    let votesByHolder = capitalization.votesByHolder
    let votes = (byHolder: votesByHolder, total: capitalization.totalVotes)
    let mine = Ratio.sum(ids.map { votesByHolder[$0] ?? .zero })
    // Seats and provisions held on the date (an ended one no longer counts).
    let control = ControlPositions(records, asOf: table.asOf)
    let seats = control.seats.filter { ids.contains($0.holder) }.map(\.seat)
    let provisions = control.provisions.filter { ids.contains($0.holder) }.map(\.provision)
    let use = control.computeUse
    var holding = PortfolioHolding(
      company: ledger.company.name, securities: held.isEmpty ? "-" : held.joined(separator: "; "),
      fullyDiluted: fd, voting: votes.total.isZero ? .zero : mine / votes.total,
      costCash: cash, costTokens: tokens, mark: mark, markNote: note,
      compute: grants, boardSeats: seats, provisions: provisions, computeUse: use,
      fullyDilutedEstimated: estimated)
    holding.rights = control.rights.filter { ids.contains($0.holder) }
    holding.segment = control.segment
    holding.holdsEquity = !held.isEmpty
    return holding
  }
}
