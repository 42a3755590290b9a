import CapstanModel

/// A large, valid and reproducible ledger of one company, for benchmarks.
///
/// The same configuration gives the same ledger on every machine: a fixed-seed generator
/// draws issuances and option grants (most of it), exercises, transfers and cancellations
/// (often partial, with balance securities), repurchases, two forward splits of common, and
/// the authorizations and pool increases that keep every issuance and grant within limits.
/// Dates run in order from 2018-01-01 to 2029-12-31.
public struct SyntheticLedger: Sendable {
  /// How large a ledger to make, and from which seed.
  public struct Configuration: Sendable {
    /// Stakeholders of the workspace.
    public var stakeholders: Int
    /// Transactions of the company.
    public var transactions: Int
    /// The generator's seed.
    public var seed: UInt64

    /// The benchmark's size: 10,000 stakeholders and 110,000 transactions.
    public static let standard = Configuration(
      stakeholders: 10_000, transactions: 110_000, seed: 0x000C_A95A_2018)

    /// A configuration.
    public init(stakeholders: Int, transactions: Int, seed: UInt64) {
      self.stakeholders = stakeholders
      self.transactions = transactions
      self.seed = seed
    }
  }

  /// The configuration it was made from.
  public let configuration: Configuration
  /// The ledger: company, stakeholders, Common and a preferred class, one plan, transactions.
  public let ledger: Ledger
  /// Security ids the transactions create (stock certificates and option grants).
  public let securities: Int

  /// Generates the ledger (about 50 ms in a release build for the standard size).
  public init(_ configuration: Configuration = .standard) {
    self.configuration = configuration
    let stakeholders = SyntheticCompany.stakeholders(count: configuration.stakeholders)
    var generator = SyntheticGenerator(
      holders: stakeholders.map(\.id), transactions: configuration.transactions,
      seed: configuration.seed)
    let transactions = generator.run()
    securities = generator.securities
    ledger = Ledger(
      company: SyntheticCompany.company, stakeholders: stakeholders,
      classes: [SyntheticCompany.common, SyntheticCompany.preferred],
      plans: [SyntheticCompany.plan], transactions: transactions)
  }

  /// How many transactions of each kind (`issue`, `grant`, ...), by kind.
  public var countsByKind: [(kind: String, count: Int)] {
    var counts: [String: Int] = [:]
    for transaction in ledger.transactions {
      counts[transaction.event.kind.rawValue, default: 0] += 1
    }
    return counts.map { (kind: $0.key, count: $0.value) }.sorted { $0.kind < $1.kind }
  }

  /// A few lines describing the input, for benchmark logs and BENCHMARKS.md.
  public var summary: String {
    let kinds = countsByKind.map { "\($0.kind) \($0.count)" }.joined(separator: ", ")
    return """
      \(ledger.company.name): \(ledger.stakeholders.count) stakeholders, \
      \(ledger.transactions.count) transactions, \(securities) securities
      by kind: \(kinds)
      """
  }
}
