import BigInt
import CapstanModel
import Foundation

/// Exact numbers from spreadsheet cells.
///
/// A workbook stores numbers as binary doubles and writes them as their shortest or 17-digit
/// decimal text (`0.1` may come as `0.10000000000000001`). Capstan reads that text exactly,
/// then keeps at most 15 significant digits (what Excel itself shows), so the double's noise
/// is dropped and no value passes through a `Double`.
enum SheetNumber {
  /// `12`, `-0.5`, `1.5E-4`, `4E6` → exact, at most 15 significant digits; nil if not a number.
  static func exact(_ text: String) -> Ratio? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty, trimmed.utf8.count <= 40 else { return nil }
    let parts = trimmed.uppercased().split(separator: "E", omittingEmptySubsequences: false)
    guard parts.count <= 2, var mantissa = Ratio(decimal: parts[0]) else { return nil }
    if parts.count == 2 {
      guard let exponent = Int(parts[1]), abs(exponent) <= 40 else { return nil }
      let scale = Ratio(BigInt(10).power(abs(exponent)))
      mantissa = exponent >= 0 ? mantissa * scale : mantissa / scale
    }
    return significant(mantissa, digits: 15)
  }

  /// The value rounded half-up to `digits` significant digits.
  static func significant(_ value: Ratio, digits: Int) -> Ratio {
    guard !value.isZero else { return value }
    var magnitude = 0  // value.magnitude < 10^magnitude
    var probe = value.magnitude
    while probe >= .one {
      probe = probe / Ratio(10)
      magnitude += 1
    }
    while probe < Ratio(1, 10) {
      probe = probe * Ratio(10)
      magnitude -= 1
    }
    let places = digits - magnitude
    guard places >= 0 else { return value }
    return value.rounded(places: places)
  }
}
