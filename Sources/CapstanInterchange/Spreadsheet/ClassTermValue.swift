import CapstanModel
import Foundation

/// Reads one cell of a class term (`1x`, `Non-participating`, `Broad-based weighted average`);
/// a value that does not fit is an error naming the cell and what was expected.
struct ClassTermValue {
  let value: SheetGrid.Value
  let location: String

  private var shown: String {
    switch value {
    case .text(let text): "'\(text)'"
    case .number(let number): number
    case .bool(let flag): flag ? "TRUE" : "FALSE"
    case .date(let date): date.iso
    }
  }

  private func fail(_ expected: String) -> ImportError {
    ImportError(location: location, message: "found \(shown), expected \(expected)")
  }

  /// The cell as lowercased text without surrounding spaces, or the number's text.
  private var text: String? {
    switch value {
    case .text(let text): text.trimmingCharacters(in: .whitespaces).lowercased()
    case .number(let number): number
    default: nil
    }
  }

  private func number(_ raw: String) -> Ratio? {
    SheetNumber.exact(raw) ?? (try? AmountParser.amount(raw))
  }

  func kind() throws(ImportError) -> ShareClass.Kind {
    guard let text else { throw fail("Common or Preferred") }
    if text.contains("pref") { return .preferred }
    if text.contains("common") || text.contains("ordinary") { return .common }
    throw fail("Common or Preferred")
  }

  func shares() throws(ImportError) -> Shares {
    guard let text, let number = number(text), number.isInteger, !number.isNegative,
      let count = Int64(exactly: number.numerator), count <= Shares.maximumInput.count
    else { throw fail("a whole number of shares") }
    return Shares(count)
  }

  func amount() throws(ImportError) -> Ratio {
    guard let text, let number = number(text), !number.isNegative else {
      throw fail("an amount like 1.00 or $1.25")
    }
    return number
  }

  /// `1x`, `1.5`, `2 X`.
  func multiple() throws(ImportError) -> Ratio {
    guard let parsed = parsedMultiple(), parsed > .zero else {
      throw fail("a multiple like 1x or 1.5x")
    }
    return parsed
  }

  /// A multiple, or nil for `none`, `no cap`, `-`.
  func multipleOrNone() throws(ImportError) -> Ratio? {
    if let text, ["none", "no", "no cap", "uncapped", "-", "n/a"].contains(text) { return nil }
    return try multiple()
  }

  private func parsedMultiple() -> Ratio? {
    guard var text else { return nil }
    text = text.replacingOccurrences(of: " ", with: "")
    if text.hasSuffix("x") { text.removeLast() }
    return number(text)
  }

  /// `Non-participating`, `None`, `No`, FALSE → false; `Participating`, `Full`, `Yes`, TRUE →
  /// true; `Capped at 3x`, `Participating (3x cap)` → true with the cap.
  func participation() throws(ImportError) -> (Bool, Ratio?) {
    let expected = "Non-participating, Participating, or Capped at 3x"
    if case .bool(let flag) = value { return (flag, nil) }
    guard let text else { throw fail(expected) }
    if text.hasPrefix("non") || ["none", "no", "false", "n", "0"].contains(text) {
      return (false, nil)
    }
    if text.contains("cap") {
      let digits = text.filter { $0.isNumber || $0 == "." }
      guard let cap = number(digits), cap > .zero else { throw fail(expected) }
      return (true, cap)
    }
    if text.contains("particip") || ["full", "yes", "true", "y", "1"].contains(text) {
      return (true, nil)
    }
    throw fail(expected)
  }

  func seniority() throws(ImportError) -> Int {
    guard let text, let number = number(text), number.isInteger, !number.isNegative,
      let rank = Int(exactly: number.numerator), rank <= 1000
    else { throw fail("a seniority rank like 1 or 2 (higher is paid first)") }
    return rank
  }

  func antiDilution() throws(ImportError) -> AntiDilution {
    guard let text else { throw fail("None, Broad-based, Narrow-based or Full ratchet") }
    if ["none", "no", "n/a", "-"].contains(text) { return .none }
    if text.contains("broad") || text == "bbwa" { return .broadBasedWeightedAverage }
    if text.contains("narrow") || text == "nbwa" { return .narrowBasedWeightedAverage }
    if text.contains("ratchet") { return .fullRatchet }
    throw fail("None, Broad-based, Narrow-based or Full ratchet")
  }

  /// `1`, `1:1`, `2:1`, `1.5`.
  func conversionRatio() throws(ImportError) -> Ratio {
    let expected = "a conversion ratio like 1, 1:1 or 2:1"
    guard let text else { throw fail(expected) }
    let parts = text.split(separator: ":").map { number(String($0)) }
    if parts.count == 2, let new = parts[0], let old = parts[1], new > .zero, old > .zero {
      return new / old
    }
    guard parts.count == 1, let ratio = parts[0], ratio > .zero else { throw fail(expected) }
    return ratio
  }
}
