/// Recording compute-SAFEs by name: issue (new id `CSAFE-n`, the provider added as an
/// institution if new), draw and breach (the compute-SAFE found by id or by its provider).
extension WorkspaceDraft {
  /// A compute-SAFE's terms as a command gives them: the provider by name and, for a token
  /// commitment, the token's symbol on the workspace's token market.
  public struct ComputeSAFETerms: Sendable {
    /// The provider's name.
    public var provider: String
    /// The token's symbol, or nil for a commitment in GPU-hours.
    public var symbol: String?
    /// Units committed.
    public var commitment: Ratio
    /// Agreed price per unit.
    public var agreedPrice: Ratio
    /// The draw window's first and last days.
    public var window: (start: CalendarDate, end: CalendarDate)
    /// The post-money valuation cap.
    public var valuationCap: Ratio?
    /// The discount to the round price.
    public var discount: Ratio?
    /// Whether SLA breaches suspend accrual.
    public var slaSuspension: Bool

    /// Terms.
    public init(
      provider: String, symbol: String?, commitment: Ratio, agreedPrice: Ratio,
      window: (start: CalendarDate, end: CalendarDate), valuationCap: Ratio? = nil,
      discount: Ratio? = nil, slaSuspension: Bool = false
    ) {
      self.provider = provider
      self.symbol = symbol
      self.commitment = commitment
      self.agreedPrice = agreedPrice
      self.window = window
      self.valuationCap = valuationCap
      self.discount = discount
      self.slaSuspension = slaSuspension
    }
  }

  /// Reads a draw window written `START:END` (`2026-01-01:2026-12-31`).
  public static func computeSAFEWindow(_ text: String, field: String = "--window")
    throws(InputError) -> (start: CalendarDate, end: CalendarDate)
  {
    let parts = text.trimmingSpaces.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let start = CalendarDate(iso: String(parts[0])),
      let end = CalendarDate(iso: String(parts[1]))
    else {
      throw .invalid(field: field, input: text, expected: "START:END, e.g. 2026-01-01:2026-06-30")
    }
    return (start, end)
  }

  /// Issues a compute-SAFE to the provider.
  @discardableResult
  public mutating func issueComputeSAFE(
    _ terms: ComputeSAFETerms, date: CalendarDate, company: Company.ID
  ) throws -> Transaction {
    let unit: ComputeSAFEIssuance.Unit =
      try terms.symbol.map { .tokens(symbol: try tokenMarket().token($0).symbol) } ?? .gpuHours
    let provider =
      try (try? stakeholder(named: terms.provider))
      ?? addStakeholder(name: terms.provider, kind: .institution)
    let safe = ComputeSAFEIssuance(
      security: try ledger(for: company).nextSecurityID(prefix: "CSAFE"), provider: provider.id,
      unit: unit, commitment: terms.commitment, agreedPrice: terms.agreedPrice,
      windowStart: terms.window.start, windowEnd: terms.window.end,
      valuationCap: terms.valuationCap, discount: terms.discount,
      slaSuspension: terms.slaSuspension)
    return try append([(date, safe.ledgerEvent)], to: company)[0]
  }

  /// Records `units` drawn on `date` under the compute-SAFE `reference` names.
  @discardableResult
  public mutating func drawComputeSAFE(
    _ reference: String, units: Ratio, date: CalendarDate, company: Company.ID
  ) throws -> Transaction {
    let security = try computeSAFE(reference, company: company)
    let draw = ComputeSAFEDraw(security: security, units: units)
    return try append([(date, draw.ledgerEvent)], to: company)[0]
  }

  /// Records an SLA breach of the compute-SAFE `reference` names, from `from` through
  /// `through` (to the end of the window when nil); the transaction is dated `from`.
  @discardableResult
  public mutating func breachComputeSAFE(
    _ reference: String, from: CalendarDate, through: CalendarDate?, company: Company.ID
  ) throws -> Transaction {
    let security = try computeSAFE(reference, company: company)
    let breach = ComputeSAFEBreach(security: security, through: through)
    return try append([(from, breach.ledgerEvent)], to: company)[0]
  }

  /// The compute-SAFE whose id is `reference` (any case), or else the one compute-SAFE of the
  /// provider named `reference`.
  private mutating func computeSAFE(_ reference: String, company: Company.ID) throws
    -> SecurityID
  {
    let table = try ledger(for: company).replay()
    let key = reference.trimmingSpaces.uppercased()
    if let id = table.computeSAFEs.keys.first(where: { $0.rawValue.uppercased() == key }) {
      return id
    }
    let ids = table.computeSAFEs.values.map(\.issuance.security).sorted()
    let known = ids.isEmpty ? "none recorded yet" : ids.map(\.rawValue).joined(separator: ", ")
    guard let provider = Stakeholder.named(reference, in: stakeholders) else {
      throw InputError.invalid(
        field: "SECURITY", input: reference,
        expected: "a compute-SAFE's id or its provider's name (compute-SAFEs: \(known))")
    }
    let theirs = table.computeSAFEs.values.filter { $0.issuance.provider == provider.id }
      .map(\.issuance.security).sorted()
    guard theirs.count == 1, let only = theirs.first else {
      throw InputError.invalid(
        field: "SECURITY", input: reference,
        expected: theirs.isEmpty
          ? "a compute-SAFE's id or its provider's name (\(provider.name) has none; "
            + "compute-SAFEs: \(known))"
          : "one compute-SAFE: \(provider.name) has \(theirs.count) ("
            + theirs.map(\.rawValue).joined(separator: ", ") + "); name it by id")
    }
    return only
  }
}
