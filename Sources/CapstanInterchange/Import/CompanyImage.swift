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
  /// The file the image was read from, for messages.
  public var sourceFile = ""
  /// The line each transaction came from, parallel to `transactions` (kept as numbers: a
  /// string per transaction would cost tens of megabytes on a large file).
  public var sourceLines: [Int32] = []
  /// Where each class and plan came from, by the file's id.
  public var definitionSources: [String: String] = [:]
  /// Compute tokens the file defines (workspace-wide data; the issuer is a file id).
  public var tokens: [ComputeToken] = []
  /// `file:line` of each token, parallel to `tokens`.
  public var tokenSources: [String] = []
  /// Market prices of those tokens.
  public var tokenPrices: [TokenPriceMark] = []
  /// `file:line` of each price, parallel to `tokenPrices`.
  public var tokenPriceSources: [String] = []
  /// The provider's costs to serve those tokens, in the file's order.
  public var tokenCosts: [TokenCostMark] = []
  /// `file:line` of each cost, parallel to `tokenCosts`.
  public var tokenCostSources: [String] = []
  /// The company's valuations, in the order recorded (each class is a file id).
  public var valuations: [ShareValuation] = []
  /// `file:line` of each valuation, parallel to `valuations`.
  public var valuationSources: [String] = []

  /// An image of `company` with nothing in it yet.
  public init(company: Company) { self.company = company }

  /// `file:line` of the transaction at `index`, or nil.
  public func source(ofTransaction index: Int) -> String? {
    sourceLines.indices.contains(index) ? "\(sourceFile):\(sourceLines[index])" : nil
  }

  /// How many of each kind of transaction, for summaries: `[(.issue, 3), (.grant, 1)]`.
  public var transactionCounts: [(kind: LedgerEvent.Kind, count: Int)] { tally.kinds }

  /// The transactions counted by kind.
  public var tally: TransactionTally {
    var tally = TransactionTally()
    for transaction in transactions { tally.add(transaction.event.kind) }
    return tally
  }
}
