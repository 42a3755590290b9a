import CapstanModel
import Foundation

/// What the text in a sheet's holder column says a row is, when it is not a holder: a total,
/// a subtotal, the option pool, or an "As of" line.
enum SheetRowLabel: Equatable {
  /// The grand total ("Total", "Grand total", "Total fully diluted").
  case total
  /// A subtotal of some rows ("Total Common", "Series Seed subtotal", "Subtotal"); the scope is
  /// what remains of the label (empty for a bare "Subtotal").
  case subtotal(scope: String)
  /// The unallocated option pool ("Option pool", "Available for grant").
  case pool
  /// "As of 2025-12-31", a note line.
  case asOf(String)

  private static let grandWords: Set<String> = [
    "total", "totals", "grand", "fully", "diluted", "outstanding", "shares", "capitalization",
    "all", "securities", "fd",
  ]

  /// The label's kind, or nil for a holder's name.
  static func classify(_ text: String) -> SheetRowLabel? {
    let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
    if lower.hasPrefix("as of") || lower.hasPrefix("as at") {
      return .asOf(String(text.trimmingCharacters(in: .whitespaces).dropFirst(5)))
    }
    let words = lower.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    if isPool(lower) && !words.contains("total") { return .pool }
    guard let first = words.first, let last = words.last else { return nil }
    let isTotalLabel =
      first == "total" || first == "totals" || first == "subtotal" || last == "total"
      || last == "totals" || last == "subtotal"
      || (first == "grand" && words.count > 1
        && words[1] == "total")
    guard isTotalLabel else { return nil }
    if words.contains("subtotal") || words.contains("sub") {
      let scope = words.filter { $0 != "subtotal" && $0 != "sub" && $0 != "total" }
      return .subtotal(scope: scope.joined(separator: " "))
    }
    let rest = words.filter { !grandWords.contains($0) }
    return rest.isEmpty ? .total : .subtotal(scope: rest.joined(separator: " "))
  }

  /// Whether the label is an "As of" line.
  var isAsOf: Bool {
    if case .asOf = self { return true }
    return false
  }

  /// Whether a label is a total or a subtotal.
  static func isTotal(_ text: String) -> Bool {
    switch classify(text) {
    case .total?, .subtotal?: true
    default: false
    }
  }

  private static func isPool(_ lower: String) -> Bool {
    lower.contains("option pool") || lower.contains("available for grant")
      || lower.contains("available for issuance") || lower.contains("available for future")
      || lower.contains("options available") || lower.contains("unallocated")
      || lower.contains("unissued option") || lower.contains("unissued pool")
      || lower.contains("pool available") || lower.contains("remaining pool")
      || lower.contains("equity pool") || lower.contains("plan pool")
      || lower.hasPrefix("pool ") || lower == "pool" || lower.contains("reserved for grant")
  }
}

/// Whether a stakeholder is a person or an institution, from a name or a type cell.
enum SheetHolderKind {
  private static let institutionWords: Set<String> = [
    "inc", "llc", "lp", "llp", "ltd", "limited", "fund", "ventures", "venture", "capital",
    "trust", "partners", "corp", "corporation", "co", "holdings", "gmbh", "bv",
    "plc", "foundation", "investments", "management", "group", "university", "company",
  ]

  /// `Institution` when a word of the name marks an organisation (`Inc.`, `LLC`, `L.P.`,
  /// `Fund`, `Ventures`, `Capital`, `Trust`...), with that word; else nil (a person).
  static func inferred(from name: String) -> String? {
    let compact = name.lowercased().replacingOccurrences(of: ".", with: "")
    let words = compact.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    return words.first { institutionWords.contains($0) }
  }

  /// A type cell: `Individual`, `Person`, `Employee`... or `Entity`, `Institution`, `Fund`...
  static func parse(_ text: String) -> Stakeholder.Kind? {
    let lower = text.lowercased().trimmingCharacters(in: .whitespaces)
    let people = [
      "individual", "person", "natural person", "employee", "founder", "advisor", "consultant",
      "human",
    ]
    if people.contains(lower) { return .individual }
    let entities = [
      "institution", "entity", "company", "corporation", "fund", "institutional", "organization",
      "organisation", "trust", "llc", "partnership", "non-individual", "investor entity",
    ]
    if entities.contains(lower) { return .institution }
    return nil
  }
}
