import CapstanModel

/// Exact numbers as the workspace stores them: TEXT holding a terminating decimal (`0.0001`)
/// or, when the decimal does not terminate, a fraction (`1/3`).
extension Ratio {
  /// The stored text: the exact decimal when it terminates, else `n/d`.
  var storedText: String {
    if isInteger { return numerator.description }
    return exactDecimalString ?? fractionString
  }

  /// Parses stored text; plain decimals of up to 18 digits take a fast path in `Int64`.
  ///
  /// The fast path gives exactly the value `Ratio(fractionOrDecimal:)` gives (both reduce to
  /// lowest terms); anything else (fractions, long numbers) goes through that parser.
  ///
  /// Text longer than `Limits.maximumStoredNumberText` is refused (nil): a crafted row with a
  /// 100,000-digit number would otherwise make every view of the company crawl.
  init?(storedText text: String) {
    guard text.utf8.count <= Limits.maximumStoredNumberText else { return nil }
    if let fast = Ratio.parsePlainDecimal(text) {
      self = fast
    } else if let parsed = Ratio(fractionOrDecimal: text) {
      self = parsed
    } else {
      return nil
    }
  }

  private static let powersOfTen: [Int64] = {
    var powers: [Int64] = [1]
    for _ in 1...18 { powers.append(powers[powers.count - 1] * 10) }
    return powers
  }()

  /// `-?[0-9]+(\.[0-9]+)?` with at most 18 digits, or nil.
  private static func parsePlainDecimal(_ text: String) -> Ratio? {
    var value: Int64 = 0
    var digits = 0
    var fractionDigits = 0
    var negative = false
    var seenPoint = false
    var index = 0
    for byte in text.utf8 {
      defer { index += 1 }
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        digits += 1
        guard digits <= 18 else { return nil }
        value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        if seenPoint { fractionDigits += 1 }
      case UInt8(ascii: "-") where index == 0:
        negative = true
      case UInt8(ascii: ".") where !seenPoint && digits > 0:
        seenPoint = true
      default:
        return nil
      }
    }
    guard digits > 0, !seenPoint || fractionDigits > 0 else { return nil }
    let signed = negative ? -value : value
    return fractionDigits == 0 ? Ratio(signed) : Ratio(signed, powersOfTen[fractionDigits])
  }
}
