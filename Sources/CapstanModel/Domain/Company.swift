/// An issuer: the company whose cap table a ledger describes.
public struct Company: Sendable, Hashable, Codable, Identifiable {
  /// Stable id within a workspace.
  public typealias ID = Identifier<Company>

  /// Stable id.
  public var id: ID
  /// Legal or working name, unique within a workspace.
  public var name: String
  /// The currency amounts are kept in.
  public var currency: Currency
  /// Date of incorporation; nothing can be dated before it.
  public var incorporated: CalendarDate
  /// How deal computations round.
  public var rounding: RoundingPolicy
  /// Whether broad-based weighted-average anti-dilution counts the plans' unissued reserve in
  /// A (the NVCA model charter leaves it out, the default; some charters include it).
  public var broadBasedIncludesUnissuedPool: Bool
  /// Which class SAFEs and notes convert into at a round's closing (default: their own
  /// sub-series, the YC "Safe Preferred Stock").
  public var conversionSeries: ConversionSeries

  /// A company.
  public init(
    id: ID, name: String, currency: Currency, incorporated: CalendarDate,
    rounding: RoundingPolicy = .standard, broadBasedIncludesUnissuedPool: Bool = false,
    conversionSeries: ConversionSeries = .subSeries
  ) {
    self.id = id
    self.name = name
    self.currency = currency
    self.incorporated = incorporated
    self.rounding = rounding
    self.broadBasedIncludesUnissuedPool = broadBasedIncludesUnissuedPool
    self.conversionSeries = conversionSeries
  }

  private enum CodingKeys: String, CodingKey {
    case id, name, currency, incorporated, rounding, broadBasedIncludesUnissuedPool
    case conversionSeries
  }

  /// Decodes a company; one encoded before a setting existed has its default.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try container.decode(ID.self, forKey: .id),
      name: try container.decode(String.self, forKey: .name),
      currency: try container.decode(Currency.self, forKey: .currency),
      incorporated: try container.decode(CalendarDate.self, forKey: .incorporated),
      rounding: try container.decode(RoundingPolicy.self, forKey: .rounding),
      broadBasedIncludesUnissuedPool: try container.decodeIfPresent(
        Bool.self, forKey: .broadBasedIncludesUnissuedPool) ?? false,
      conversionSeries: try container.decodeIfPresent(
        ConversionSeries.self, forKey: .conversionSeries) ?? .subSeries)
  }
}

/// A person or an institution that holds, or may hold, securities.
public struct Stakeholder: Sendable, Hashable, Codable, Identifiable {
  /// Stable id within a workspace (shared by all its companies).
  public typealias ID = Identifier<Stakeholder>

  /// Whether the stakeholder is a natural person or an organisation.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// A natural person.
    case individual
    /// A fund, company or other organisation.
    case institution
  }

  /// Stable id.
  public var id: ID
  /// Name, unique within a workspace.
  public var name: String
  /// Person or institution.
  public var kind: Kind
  /// Contact e-mail, when known.
  public var email: String?

  /// A stakeholder.
  public init(id: ID, name: String, kind: Kind = .individual, email: String? = nil) {
    self.id = id
    self.name = name
    self.kind = kind
    self.email = email
  }
}
