extension Offer {
  /// A compute-SAFE offered beside the round: the provider commits units of compute (GPU-hours)
  /// drawn over a window at an agreed price per unit; the purchase amount accrues as the
  /// company draws and converts at the NEXT priced round, so the leg buys no shares in the
  /// offer's round (docs/compute-safe.md). Recorded with `compute-safe add` once signed.
  public struct ComputeSAFELeg: Sendable, Hashable, Codable {
    /// Who delivers the compute.
    public var provider: String
    /// Units committed (GPU-hours).
    public var commitment: Ratio
    /// The agreed price of one unit.
    public var agreedPrice: Ratio
    /// The draw window's first day.
    public var windowStart: CalendarDate
    /// The draw window's last day.
    public var windowEnd: CalendarDate
    /// The post-money valuation cap, if any.
    public var valuationCap: Ratio?
    /// The discount on the next round's price (0.2 for 20 %), if any.
    public var discount: Ratio?
    /// Whether an SLA breach suspends accrual.
    public var slaSuspension: Bool

    /// A compute-SAFE leg.
    public init(
      provider: String, commitment: Ratio, agreedPrice: Ratio, windowStart: CalendarDate,
      windowEnd: CalendarDate, valuationCap: Ratio? = nil, discount: Ratio? = nil,
      slaSuspension: Bool = false
    ) {
      self.provider = provider
      self.commitment = commitment
      self.agreedPrice = agreedPrice
      self.windowStart = windowStart
      self.windowEnd = windowEnd
      self.valuationCap = valuationCap
      self.discount = discount
      self.slaSuspension = slaSuspension
    }

    /// The agreed value of the whole commitment: commitment × agreed price.
    public var agreedValue: Ratio { commitment * agreedPrice }
  }

  /// The compute-SAFE legs' agreed value.
  public var computeSAFEValue: Ratio { Ratio.sum(computeSAFEs.map(\.agreedValue)) }
}

extension Offer.ComputeSAFELeg {
  /// A compute-SAFE written `provider=P,commitment=N,agreed=PRICE,window=START:END[,cap=V]`
  /// `[,discount=D][,sla-suspension]`; errors name `field`.
  public static func parse(_ text: String, field: String) throws(InputError) -> Self {
    var parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let flag = parts.contains { $0.trimmingSpaces.lowercased() == "sla-suspension" }
    parts.removeAll { $0.trimmingSpaces.lowercased() == "sla-suspension" }
    let fields = try AmountParser.pairs(
      parts.joined(separator: ","), field: field,
      required: ["provider", "commitment", "agreed", "window"])
    let known: Set = ["provider", "commitment", "agreed", "window", "cap", "discount"]
    if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
      throw .invalid(
        field: field, input: unknown,
        expected: "provider, commitment, agreed, window, cap, discount or sla-suspension")
    }
    let provider = (fields["provider"] ?? "").trimmingSpaces
    guard !provider.isEmpty else {
      throw .missing(field: "\(field) provider", expected: "the provider's name")
    }
    let commitment = try AmountParser.amount(
      fields["commitment"] ?? "", field: "\(field) commitment")
    let agreed = try AmountParser.amount(
      fields["agreed"] ?? "", field: "\(field) agreed", as: .price)
    guard commitment > .zero else {
      throw .invalid(field: "\(field) commitment", input: "0", expected: "a positive number")
    }
    guard agreed > .zero else {
      throw .invalid(field: "\(field) agreed", input: "0", expected: "a positive price")
    }
    let windowText = fields["window"] ?? ""
    let window = try WorkspaceDraft.computeSAFEWindow(windowText, field: "\(field) window")
    guard window.start <= window.end else {
      throw .invalid(
        field: "\(field) window", input: windowText, expected: "a start on or before the end")
    }
    let cap = try fields["cap"].map { (text) throws(InputError) in
      try AmountParser.amount(text, field: "\(field) cap")
    }
    if let cap, cap <= .zero {
      throw .invalid(field: "\(field) cap", input: "0", expected: "a positive valuation cap")
    }
    let discount = try fields["discount"].map { (text) throws(InputError) in
      try AmountParser.percentage(text, field: "\(field) discount")
    }
    if let discount, discount < .zero || discount >= .one {
      throw .invalid(
        field: "\(field) discount", input: fields["discount"] ?? "",
        expected: "a discount from 0% up to but not including 100%")
    }
    return Self(
      provider: provider, commitment: commitment, agreedPrice: agreed,
      windowStart: window.start, windowEnd: window.end, valuationCap: cap, discount: discount,
      slaSuspension: flag)
  }
}
