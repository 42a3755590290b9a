import CapstanEngine
import CapstanModel

extension LeftOutWarrant {
  /// The note under an exit for this warrant, which the waterfall does not pay.
  public func note(_ currency: Currency) -> String {
    let price = currency.symbol + strike.decimalString(places: 4, minimumPlaces: 2)
    return "Not in these payouts: warrant \(security) (\(holderName), "
      + "\(shares.formatted) \(className) at \(price)): "
      + "a warrant on preferred shares is not modelled by the waterfall; "
      + "record its exercise to include it."
  }

  /// The warrant in an exit's JSON `left_out_warrants`.
  public var json: JSON {
    .object([
      ("security", .string(security.rawValue)), ("holder", .string(holderName)),
      ("class", .string(className)), ("shares", .int(shares.count)),
      ("strike", .string(strike.fractionString)),
    ])
  }

  /// `document` (a JSON object) with `left_out_warrants` added when there are any.
  public static func adding(_ warrants: [LeftOutWarrant], to document: JSON) -> JSON {
    guard !warrants.isEmpty, case .object(let fields) = document else { return document }
    return .object(fields + [("left_out_warrants", .array(warrants.map(\.json)))])
  }
}
