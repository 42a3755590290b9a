/// Why a token valuation, stress or comparison cannot be computed.
public enum TokenError: Error, Equatable, CustomStringConvertible {
  /// An input is out of range; the text names it.
  case invalid(String)

  /// A sentence a user can act on.
  public var description: String {
    switch self {
    case .invalid(let why): why
    }
  }
}
