import CapstanModel

extension TokenStress {
  /// A price shock written as a signed percentage (`-50%`, `+20%`, `-0.9`); errors name
  /// `field`.
  public static func shock(parsing text: String, field: String) throws -> Ratio {
    let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    let negative = trimmed.hasPrefix("-") || trimmed.hasPrefix("−")
    let body =
      trimmed.hasPrefix("-") || trimmed.hasPrefix("+") || trimmed.hasPrefix("−")
      ? String(trimmed.dropFirst()) : trimmed
    let value = try AmountParser.percentage(body.hasSuffix("%") ? body : body + "%", field: field)
    return negative ? -value : value
  }
}
