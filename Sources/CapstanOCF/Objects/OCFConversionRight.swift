import CapstanModel

/// A STOCK_CLASS `conversion_rights` entry: the mechanism and the class it converts into.
public struct OCFConversionRight: Sendable, Decodable {
  /// How a share converts.
  public var conversionMechanism: OCFConversionMechanism
  /// The class converted into (absent: the next round, `converts_to_future_round`).
  public var convertsToStockClassId: String?

  enum CodingKeys: String, CodingKey {
    case conversionMechanism = "conversion_mechanism"
    case convertsToStockClassId = "converts_to_stock_class_id"
  }
}

/// A stock class's conversion mechanism (`RATIO_CONVERSION`, or the older
/// `CONVERSION_PRICE_BASED`: original issue price ÷ conversion price).
public struct OCFConversionMechanism: Sendable, Decodable {
  /// The mechanism's `type`.
  public var type: String
  /// Target shares per share.
  public var ratio: OCFLenientRatio?
  /// The conversion price.
  public var conversionPrice: OCFMonetary?
  /// `FLOOR`, `CEILING` or `NORMAL`.
  public var roundingType: String?

  enum CodingKeys: String, CodingKey {
    case type, ratio
    case conversionPrice = "conversion_price"
    case roundingType = "rounding_type"
  }
}

/// An OCF `Ratio` whose parts may also be JSON integers, as LTSE writes them (`10` over `5`);
/// the importer says so in a warning.
public struct OCFLenientRatio: Sendable, Decodable {
  /// Numerator ÷ denominator.
  public var value: Ratio
  /// Whether a part was a JSON number rather than an OCF Numeric string.
  public var fromJSONNumbers: Bool

  enum CodingKeys: String, CodingKey { case numerator, denominator }

  /// Decodes strings (OCF Numerics) or JSON integers.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    var numbers = false
    func part(_ key: CodingKeys) throws -> Ratio {
      if let integer = try? container.decode(Int64.self, forKey: key) {
        numbers = true
        return Ratio(integer)
      }
      return try container.decode(OCFNumeric.self, forKey: key).value
    }
    let numerator = try part(.numerator)
    let denominator = try part(.denominator)
    guard numerator > .zero, denominator > .zero else {
      throw DecodingError.dataCorruptedError(
        forKey: .denominator, in: container,
        debugDescription: "a ratio of two positive numbers")
    }
    value = numerator / denominator
    fromJSONNumbers = numbers
  }
}
