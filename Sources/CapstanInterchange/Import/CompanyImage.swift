import CapstanModel

/// A company as read from an import file, before anything is written: its reference data and
/// its transactions, each with the place in the file it came from (for error messages).
///
/// Ids are the file's own; `CompanyImage.write(into:)` maps them to the workspace's.
public struct CompanyImage: Sendable {
  /// The company (its id is the file's).
  public var company: Company
  /// The stakeholders the ledger names.
  public var stakeholders: [Stakeholder] = []
  /// The share classes, in order of creation.
  public var classes: [ShareClass] = []
  /// The stock plans, in order of creation.
  public var plans: [StockPlan] = []
  /// The transactions, in recording order; each `sequence` is its position in the file.
  public var transactions: [Transaction] = []
  /// Where each transaction came from, parallel to `transactions`.
  public var sources: [String] = []
  /// Where each class and plan came from, by the file's id.
  public var definitionSources: [String: String] = [:]

  /// An image of `company` with nothing in it yet.
  public init(company: Company) { self.company = company }

  /// How many of each kind of transaction, for summaries: `[("issue", 3), ("grant", 1)]`.
  public var transactionCounts: [(kind: String, count: Int)] {
    var counts: [String: Int] = [:]
    var order: [String] = []
    for transaction in transactions {
      let kind = transaction.event.kind
      if counts[kind] == nil { order.append(kind) }
      counts[kind, default: 0] += 1
    }
    return order.map { ($0, counts[$0] ?? 0) }
  }
}
