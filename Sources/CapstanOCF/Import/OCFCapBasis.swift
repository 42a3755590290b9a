import CapstanModel

/// A note's cap basis in OCF: the note conversion mechanism's free-text
/// `capitalization_definition`, written as `capstan:<basis>: <what it means>` so that Capstan
/// reads its own exports back; any other text (a lawyer's wording) leaves the default.
enum OCFCapBasis {
  private static let prefix = "capstan:"

  /// The text for `basis`, or nil for the default (pre-money fully diluted), which is left out.
  static func text(_ basis: NoteIssuance.CapBasis) -> String? {
    let meaning: String
    switch basis {
    case .preMoneyFullyDiluted: return nil
    case .preMoneyCompanyCapitalization:
      meaning =
        "the pre-money capitalization with the round's pool increase, without the converting "
        + "SAFEs and notes"
    case .postMoneyCompanyCapitalization:
      meaning = "the capitalization with every conversion, without the round's pool increase"
    }
    return "\(prefix)\(basis.rawValue): \(meaning)"
  }

  /// The basis a `capitalization_definition` written by `text(_:)` names, else nil.
  static func read(_ text: String?) -> NoteIssuance.CapBasis? {
    guard let text, text.hasPrefix(prefix) else { return nil }
    let name = text.dropFirst(prefix.count).prefix { $0 != ":" }
    return NoteIssuance.CapBasis(rawValue: String(name))
  }
}
