/// The provider's own cost to serve one unit of a token's compute (one GPU-hour, say), in
/// force from a date: what delivering the compute it owes really costs it.
///
/// Kept beside the tokens (workspace-wide, append-only); a change of cost is a new, later
/// mark (`capstan token cost SYMBOL C --date D`).
public struct TokenCostMark: Sendable, Hashable, Codable {
  /// The token's symbol.
  public var symbol: String
  /// The first day the cost applies.
  public var date: CalendarDate
  /// Cost per unit of compute in the workspace's money.
  public var costPerUnit: Ratio

  /// A cost mark.
  public init(symbol: String, date: CalendarDate, costPerUnit: Ratio) {
    self.symbol = symbol
    self.date = date
    self.costPerUnit = costPerUnit
  }
}

/// The workspace's costs to serve, by token and date.
///
/// The cost on a day is the last mark dated on or before it (on one date, the mark recorded
/// last); before the first date, that date's cost applies (a cost given when the token was
/// defined has no earlier history). A token without a mark has no cost (nil).
public struct TokenCosts: Sendable, Hashable {
  /// Marks by upper-cased symbol, in date order (recording order within a date).
  public private(set) var marks: [String: [TokenCostMark]]

  /// Costs from marks in recording order.
  public init(_ marks: [TokenCostMark] = []) {
    self.marks = [:]
    add(marks)
  }

  /// Adds marks recorded after the ones already held.
  public mutating func add(_ new: [TokenCostMark]) {
    for mark in new {
      let key = mark.symbol.uppercased()
      var list = marks[key] ?? []
      // Stable: after every mark of the same or an earlier date.
      let index = list.firstIndex { $0.date > mark.date } ?? list.count
      list.insert(mark, at: index)
      marks[key] = list
    }
  }

  /// The cost per unit of `symbol`'s compute on `date`, if any cost was recorded.
  public func costPerUnit(_ symbol: String, on date: CalendarDate) -> Ratio? {
    guard let list = marks[symbol.uppercased()], let first = list.first else { return nil }
    let day = date < first.date ? first.date : date
    return list.last { $0.date <= day }?.costPerUnit
  }

  /// The cost per token of `token` on `date` (cost per unit × units per token), if any.
  public func costPerToken(_ token: ComputeToken, on date: CalendarDate) -> Ratio? {
    costPerUnit(token.symbol, on: date).map { $0 * token.unitsPerToken }
  }
}
