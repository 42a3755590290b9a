import CapstanModel

extension WaterfallCapitalization {
  /// The capitalization of a ledger snapshot: every class with its terms and current
  /// conversion ratio, stock by holder, and option grants with their strikes and vesting.
  ///
  /// Classes are listed common first, then by name; holders by name within a class. A
  /// preferred class without preference terms takes the usual 1x non-participating, rank 1.
  /// Holders are keyed by stakeholder id and shown by name (with the id added when two share a
  /// name, `CompanyCapitalization.holderNames`).
  /// Warrants outstanding on a common class take part like fully vested options (kind
  /// `.warrant`, after the option grants); a warrant on a preferred class is left out (the
  /// waterfall treats option holdings as common) and listed in `leftOutWarrants`, so the exit
  /// can say so. SAFEs and notes are passed in.
  public init(_ table: CapTable, convertibles: [OutstandingConvertible] = []) {
    self.init(table, CompanyCapitalization(table), convertibles: convertibles)
  }

  /// The capitalization of a ledger snapshot, its stock read from `capitalization` (one
  /// holding per stakeholder and class, so each holder's shares convert together).
  public init(
    _ table: CapTable, _ capitalization: CompanyCapitalization,
    convertibles: [OutstandingConvertible] = []
  ) {
    let holderName = CompanyCapitalization.holderNames(table)
    var held: [ShareClass.ID: [Stakeholder.ID: Shares]] = [:]
    for holding in capitalization.stock {
      held[holding.shareClass, default: [:]][holding.holder] = holding.shares
    }
    let states = table.classes.values.sorted {
      ($0.definition.kind == .common ? 0 : 1, $0.definition.name)
        < ($1.definition.kind == .common ? 0 : 1, $1.definition.name)
    }
    let classes = states.map { state in
      let definition = state.definition
      let holdings = (held[definition.id] ?? [:])
        .map { ClassHolding(holder: $0.key, name: holderName($0.key), $0.value) }
        .sorted { ($0.holderName, $0.holder) < ($1.holderName, $1.holder) }
      guard definition.kind == .preferred else {
        return WaterfallClass.common(definition.name, holdings)
      }
      let preference = definition.preference ?? LiquidationPreference()
      let terms = PreferredTerms(
        originalIssuePrice: definition.originalIssuePrice ?? .zero,
        preferenceMultiple: preference.multiple, participation: preference.participation,
        seniority: preference.seniority, conversionRatio: state.conversionRatio,
        convertible: definition.hasConversionRight)
      return WaterfallClass.preferred(definition.name, terms, holdings)
    }
    let grants = table.options.values.filter { $0.outstanding > .zero }.sorted {
      (holderName($0.holder), $0.security.rawValue) < (holderName($1.holder), $1.security.rawValue)
    }
    let options = grants.map { grant in
      // Richer terms, or events recorded, are evaluated on the snapshot's date.
      let simple = grant.vestingFacts.isEmpty && grant.vestingTerms?.plainSchedule != nil
      let vesting: OptionHolding.Vesting =
        if let schedule = grant.vesting, simple {
          .schedule(schedule, granted: grant.granted, exercised: grant.exercised)
        } else if grant.vestingTerms != nil {
          .vested(grant.exercisable(asOf: table.asOf))
        } else {
          .fullyVested
        }
      return OptionHolding(
        holder: grant.holder, name: holderName(grant.holder), grant.outstanding,
        strike: grant.strike, vesting: vesting)
    }
    let warrants = table.warrants.values
      .filter {
        $0.outstanding > .zero
          && table.classes[$0.issuance.shareClass]?.definition.kind == .common
      }
      .sorted {
        (holderName($0.issuance.holder), $0.issuance.security.rawValue)
          < (holderName($1.issuance.holder), $1.issuance.security.rawValue)
      }
      .map {
        OptionHolding(
          holder: $0.issuance.holder, name: holderName($0.issuance.holder), $0.outstanding,
          strike: $0.strike, kind: .warrant)
      }
    self.init(classes: classes, options: options + warrants, convertibles: convertibles)
    leftOutWarrants = table.warrants.values
      .filter {
        $0.outstanding > .zero
          && table.classes[$0.issuance.shareClass]?.definition.kind != .common
      }
      .sorted { $0.issuance.security.rawValue < $1.issuance.security.rawValue }
      .map {
        LeftOutWarrant(
          security: $0.issuance.security, holder: $0.issuance.holder,
          holderName: holderName($0.issuance.holder),
          className: table.classes[$0.issuance.shareClass]?.definition.name
            ?? $0.issuance.shareClass.rawValue,
          shares: $0.outstanding, strike: $0.strike)
      }
  }
}
