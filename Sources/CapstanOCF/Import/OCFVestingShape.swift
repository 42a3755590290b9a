import CapstanModel

/// How a VESTING_TERMS graph maps to Capstan's `VestingTerms`: a template that a security's
/// start date and quantity turn into terms, or the reason it cannot be expressed.
enum OCFVestingShape: Sendable, Equatable {
  /// It maps.
  case template(OCFVestingTemplate)
  /// It does not, and why.
  case unmappable(String)

  /// Reads the graph (see `OCFVestingTemplate.init(_:)`).
  init(_ terms: OCFVestingTerms) {
    do {
      self = .template(try OCFVestingTemplate(terms))
    } catch {
      self = .unmappable(error.reason)
    }
  }
}

/// Why a VESTING_TERMS graph cannot be expressed.
struct OCFVestingUnmappable: Error {
  var reason: String
  init(_ reason: String) { self.reason = reason }
}
