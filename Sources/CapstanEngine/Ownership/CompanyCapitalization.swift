import CapstanModel

/// A company's capitalization on one date, counted once: every view (ownership, the round
/// engine's pre-round capitalization, anti-dilution, the waterfall, financing comparisons,
/// reports and term sheets) takes its counts from here.
///
/// Holders are keyed by `Stakeholder.ID`; names are for display only. Preferred stock counts
/// as converted into common by one rule, `asConverted(_:ratio:)`: per holder and class, the
/// fraction of a share dropped (NVCA model charter: fractional shares on conversion are
/// determined on the aggregate number of shares a holder converts). A class without a
/// conversion right counts as its own shares.
public struct CompanyCapitalization: Sendable, Hashable {
  /// One holder's stock of one class.
  public struct StockHolding: Sendable, Hashable {
    /// The holder.
    public var holder: Stakeholder.ID
    /// The class.
    public var shareClass: ShareClass.ID
    /// Shares of the class held.
    public var shares: Shares
    /// The shares as converted into common (`asConverted(_:ratio:)`).
    public var asConverted: Shares
    /// Votes: votes per share × the shares as converted (preferred) or held (common).
    public var votes: Ratio
  }

  /// One holder's options or warrants outstanding on one class.
  public struct RightHolding: Sendable, Hashable {
    /// Option or warrant.
    public enum Kind: String, Sendable, Hashable {
      /// A plan option.
      case option
      /// A warrant.
      case warrant
    }

    /// The holder.
    public var holder: Stakeholder.ID
    /// The class the right is exercisable for.
    public var shareClass: ShareClass.ID
    /// Option or warrant.
    public var kind: Kind
    /// Granted or issued, less exercised and cancelled.
    public var outstanding: Shares
  }

  /// One plan's unissued pool.
  public struct Pool: Sendable, Hashable {
    /// The plan.
    public var plan: StockPlan.ID
    /// The plan's name.
    public var name: String
    /// The class the plan's options are exercisable for.
    public var shareClass: ShareClass.ID
    /// Reserved and not granted.
    public var available: Shares
  }

  /// Stock by holder and class, ordered by holder id, then class id.
  public let stock: [StockHolding]
  /// Options and warrants outstanding by holder and class, ordered by holder id, then class id,
  /// options before warrants.
  public let rights: [RightHolding]
  /// Every plan's unissued pool, ordered by plan name.
  public let pools: [Pool]
  /// SAFEs and convertible notes outstanding, by security id.
  public let convertibles: [SecurityID: ConvertiblePosition]

  /// The capitalization of a ledger snapshot.
  public init(_ table: CapTable) {
    struct Key: Hashable {
      let holder: Stakeholder.ID
      let shareClass: ShareClass.ID
    }
    var held: [Key: Shares] = [:]
    held.reserveCapacity(table.stock.count)
    for position in table.stock.values {
      held[Key(holder: position.holder, shareClass: position.shareClass), default: .zero] +=
        position.quantity
    }
    stock = held.map { key, shares in
      let state = table.classes[key.shareClass]
      let converted = CompanyCapitalization.asConverted(
        shares, ratio: state?.conversionRatio ?? .one)
      let votesPerShare = state?.definition.votesPerShare ?? .one
      return StockHolding(
        holder: key.holder, shareClass: key.shareClass, shares: shares, asConverted: converted,
        votes: votesPerShare == .one ? converted.ratio : votesPerShare * converted.ratio)
    }.sorted { first, second in
      first.holder == second.holder
        ? first.shareClass.rawValue < second.shareClass.rawValue
        : first.holder.rawValue < second.holder.rawValue
    }

    struct RightKey: Hashable {
      let holder: Stakeholder.ID
      let shareClass: ShareClass.ID
      let kind: RightHolding.Kind
    }
    var rights: [RightKey: Shares] = [:]
    rights.reserveCapacity(table.options.count + table.warrants.count)
    for grant in table.options.values where grant.outstanding > .zero {
      let shareClass = table.plans[grant.plan]?.shareClass ?? ShareClass.ID("")
      rights[
        RightKey(holder: grant.holder, shareClass: shareClass, kind: .option), default: .zero] +=
        grant.outstanding
    }
    for warrant in table.warrants.values where warrant.outstanding > .zero {
      let key = RightKey(
        holder: warrant.issuance.holder, shareClass: warrant.issuance.shareClass, kind: .warrant)
      rights[key, default: .zero] += warrant.outstanding
    }
    self.rights = rights.map {
      RightHolding(
        holder: $0.key.holder, shareClass: $0.key.shareClass, kind: $0.key.kind,
        outstanding: $0.value)
    }.sorted {
      ($0.holder.rawValue, $0.shareClass.rawValue, $0.kind.rawValue)
        < ($1.holder.rawValue, $1.shareClass.rawValue, $1.kind.rawValue)
    }
    pools = table.plans.values.map {
      Pool(
        plan: $0.definition.id, name: $0.definition.name, shareClass: $0.shareClass,
        available: $0.available)
    }.sorted { ($0.name, $0.plan.rawValue) < ($1.name, $1.plan.rawValue) }
    convertibles = table.convertibles
  }

  /// The one rounding rule for "as converted": floor(shares × conversion ratio), applied to the
  /// aggregate a holder holds of one class (NVCA model charter: no fractional shares issue on
  /// conversion; the fraction is determined on all the shares a holder converts).
  public static func asConverted(_ shares: Shares, ratio: Ratio) -> Shares {
    guard ratio != .one else { return shares }
    return Shares(Int64(clamping: asConverted(shares.ratio, ratio: ratio).floor))
  }

  /// `asConverted(_:ratio:)` on a count held as a rational (a whole number of shares).
  public static func asConverted(_ shares: Ratio, ratio: Ratio) -> Ratio {
    guard ratio != .one else { return shares }
    return Ratio((shares * ratio).floor)
  }
}

extension CompanyCapitalization {
  /// How tables show a snapshot's stakeholders: the name, with the id added when two
  /// stakeholders share it (for display only: the round engine and the waterfall key holders
  /// by id and show this name).
  public static func holderNames(_ table: CapTable) -> (Stakeholder.ID) -> String {
    var nameCount: [String: Int] = [:]
    for stakeholder in table.stakeholders.values { nameCount[stakeholder.name, default: 0] += 1 }
    return { id in
      let name = table.name(of: id)
      return (nameCount[name] ?? 0) > 1 ? "\(name) (\(id.rawValue))" : name
    }
  }

  /// Stock as converted, summed over every holder and class.
  public var stockAsConverted: Ratio { Ratio.sum(stock.map(\.asConverted.ratio)) }
  /// Options and warrants outstanding.
  public var rightsOutstanding: Ratio { Ratio.sum(rights.map(\.outstanding.ratio)) }
  /// Every plan's unissued pool.
  public var poolAvailable: Ratio { Ratio.sum(pools.map(\.available.ratio)) }
  /// Every vote cast by stock.
  public var totalVotes: Ratio { Ratio.sum(stock.map(\.votes)) }

  /// Fully diluted: stock as converted, options and warrants outstanding and the unissued pool
  /// (SAFEs and notes not counted), by `fullyDiluted(stockAsConverted:rightsOutstanding:poolAvailable:)`.
  public var fullyDiluted: Ratio {
    Self.fullyDiluted(
      stockAsConverted: stockAsConverted, rightsOutstanding: rightsOutstanding,
      poolAvailable: poolAvailable)
  }

  /// Each holder's stock as converted.
  public var stockByHolder: [Stakeholder.ID: Shares] {
    var result: [Stakeholder.ID: Shares] = [:]
    for holding in stock { result[holding.holder, default: .zero] += holding.asConverted }
    return result
  }

  /// Each holder's options and warrants outstanding.
  public var rightsByHolder: [Stakeholder.ID: Shares] {
    var result: [Stakeholder.ID: Shares] = [:]
    for holding in rights { result[holding.holder, default: .zero] += holding.outstanding }
    return result
  }

  /// Each holder's votes.
  public var votesByHolder: [Stakeholder.ID: Ratio] {
    var result: [Stakeholder.ID: Ratio] = [:]
    for holding in stock { result[holding.holder, default: .zero] += holding.votes }
    return result
  }

  /// Each class's stock as converted (the sum of its holders').
  public var stockByClass: [ShareClass.ID: Shares] {
    var result: [ShareClass.ID: Shares] = [:]
    for holding in stock { result[holding.shareClass, default: .zero] += holding.asConverted }
    return result
  }
}
