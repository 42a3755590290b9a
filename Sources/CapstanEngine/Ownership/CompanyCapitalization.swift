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
    self.init(CapitalizationTally(table), table)
  }

  /// The capitalization of `table` from its tally, ordered by holder id, then class id (and
  /// options before warrants): holders and classes are ranked once, then each holder's few
  /// holdings are put in class order.
  init(_ tally: CapitalizationTally, _ table: CapTable) {
    let holderIDs = tally.holders
    let holderOrder = holderIDs.indices.sorted { holderIDs[$0].rawValue < holderIDs[$1].rawValue }
    let classIDs = tally.classes
    var classRank = [Int](repeating: 0, count: classIDs.count)
    for (rank, index) in classIDs.indices.sorted(by: {
      classIDs[$0].rawValue < classIDs[$1].rawValue
    }).enumerated() {
      classRank[index] = rank
    }
    let votesPerShare = classIDs.map { table.classes[$0]?.definition.votesPerShare ?? .one }

    var stock: [StockHolding] = []
    stock.reserveCapacity(tally.stock.count)
    var rights: [RightHolding] = []
    rights.reserveCapacity(tally.rights.count)
    var stockCells: [CapitalizationTally.StockCell] = []
    var rightCells: [CapitalizationTally.RightCell] = []
    for holder in holderOrder {
      let id = holderIDs[holder]
      stockCells.removeAll(keepingCapacity: true)
      tally.forEachStock(of: holder) { stockCells.append($0) }
      stockCells.sort { classRank[Int($0.shareClass)] < classRank[Int($1.shareClass)] }
      for cell in stockCells {
        let converted = tally.asConverted(cell)
        let votes = votesPerShare[Int(cell.shareClass)]
        stock.append(
          StockHolding(
            holder: id, shareClass: classIDs[Int(cell.shareClass)], shares: cell.shares,
            asConverted: converted, votes: votes == .one ? converted.ratio : votes * converted.ratio
          ))
      }
      rightCells.removeAll(keepingCapacity: true)
      tally.forEachRight(of: holder) { rightCells.append($0) }
      // Options before warrants ("option" < "warrant").
      func order(_ cell: CapitalizationTally.RightCell) -> Int {
        2 * classRank[Int(cell.shareClass)] + (cell.kind == .warrant ? 1 : 0)
      }
      rightCells.sort { order($0) < order($1) }
      for cell in rightCells {
        rights.append(
          RightHolding(
            holder: id, shareClass: classIDs[Int(cell.shareClass)], kind: cell.kind,
            outstanding: cell.outstanding))
      }
    }
    self.stock = stock
    self.rights = rights
    pools = CompanyCapitalization.pools(of: table)
    convertibles = table.convertibles
  }

  /// Every plan's unissued pool, ordered by plan name (then id).
  static func pools(of table: CapTable) -> [Pool] {
    table.plans.values.map {
      Pool(
        plan: $0.definition.id, name: $0.definition.name, shareClass: $0.shareClass,
        available: $0.available)
    }.sorted { ($0.name, $0.plan.rawValue) < ($1.name, $1.plan.rawValue) }
  }

  /// The one rounding rule for "as converted": floor(shares × conversion ratio), applied to the
  /// aggregate a holder holds of one class (NVCA model charter: no fractional shares issue on
  /// conversion; the fraction is determined on all the shares a holder converts).
  public static func asConverted(_ shares: Shares, ratio: Ratio) -> Shares {
    guard ratio != .one else { return shares }
    return Shares(ratio.productFloor(count: shares.count))
  }

  /// `asConverted(_:ratio:)` on a count held as a rational (a whole number of shares).
  public static func asConverted(_ shares: Ratio, ratio: Ratio) -> Ratio {
    guard ratio != .one else { return shares }
    return shares.productFloor(ratio)
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
