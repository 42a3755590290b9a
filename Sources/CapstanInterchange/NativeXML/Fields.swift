import CapstanModel
import CapstanXML

/// The attributes of one element of an import file, read into typed values; every error names
/// the file, the line, the element and the attribute, and says what was expected.
struct Fields {
  let element: XMLElement
  let file: String

  /// The fields of `element`; an attribute not in `allowed` is an error (a typo would otherwise
  /// be ignored silently).
  init(_ element: XMLElement, file: String, allowed: [String]) throws(ImportError) {
    self.element = element
    self.file = file
    // Attributes are read by namespace: none, or Capstan's own. A foreign-namespace attribute
    // named like a real one (`x:price`) is an error, never read in its place; so is one given
    // both with and without Capstan's prefix.
    var seen: Set<String> = []
    for attribute in element.attributes {
      if let namespace = attribute.namespace, namespace != NativeXMLFormat.namespace {
        if allowed.contains(attribute.name) {
          throw error(
            "<\(element.name)> has an attribute '\(attribute.name)' in the namespace "
              + "'\(Limits.shown(namespace))', not Capstan's: a look-alike of "
              + "'\(attribute.name)', refused")
        }
        continue
      }
      guard seen.insert(attribute.name).inserted else {
        throw error("<\(element.name)> gives the attribute '\(attribute.name)' twice")
      }
      guard allowed.contains(attribute.name) else {
        throw error(
          "<\(element.name)> has no attribute '\(attribute.name)' (expected: \(allowed.joined(separator: ", ")))"
        )
      }
    }
  }

  var location: String { "\(file):\(element.line)" }

  /// The value of the attribute `name` in no namespace or Capstan's own.
  func attribute(_ name: String) -> String? {
    for attribute in element.attributes
    where attribute.name == name
      && (attribute.namespace == nil || attribute.namespace == NativeXMLFormat.namespace)
    {
      return attribute.value
    }
    return nil
  }

  func error(_ message: String) -> ImportError { ImportError(location: location, message: message) }

  private func invalid(_ name: String, _ value: String, _ expected: String) -> ImportError {
    error("<\(element.name) \(name)=\"\(Limits.shown(value))\">: expected \(expected)")
  }

  func optional(_ name: String) -> String? { attribute(name) }

  func required(_ name: String) throws(ImportError) -> String {
    guard let value = attribute(name) else {
      throw error("<\(element.name)> needs the attribute '\(name)'")
    }
    return value
  }

  func text(_ name: String) throws(ImportError) -> String {
    let value = try required(name)
    // An ASCII letter or digit first (an id, nearly always) settles it without walking the
    // text's characters, which costs Unicode lookups per character.
    if let first = value.utf8.first, first > 0x20, first < 0x80 { return value }
    guard !value.allSatisfy(\.isWhitespace) else { throw invalid(name, value, "a non-empty text") }
    return value
  }

  func shares(_ name: String) throws(ImportError) -> Shares {
    let value = try required(name)
    guard !value.isEmpty, value.utf8.count <= 19, value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
      let count = Int64(value), count <= Shares.maximumInput.count
    else {
      throw invalid(name, value, "a whole number of shares in digits, like 4000000")
    }
    return Shares(count)
  }

  func tokens(_ name: String) throws(ImportError) -> TokenAmount {
    let value = try required(name)
    guard !value.isEmpty, value.utf8.count <= 19, value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
      let count = Int64(value), count > 0, count <= Shares.maximumInput.count
    else {
      throw invalid(name, value, "a whole, positive number of tokens in digits, like 1500000")
    }
    return TokenAmount(count)
  }

  func ratio(_ name: String) throws(ImportError) -> Ratio {
    let value = try required(name)
    return try ratio(name, value)
  }

  func optionalRatio(_ name: String) throws(ImportError) -> Ratio? {
    guard let value = attribute(name) else { return nil }
    return try ratio(name, value)
  }

  private func ratio(_ name: String, _ value: String) throws(ImportError) -> Ratio {
    do {
      try Limits.checkText(value, field: "<\(element.name) \(name)>")
    } catch {
      throw self.error(error.description)
    }
    guard let number = Ratio(fractionOrDecimal: value), !number.isNegative else {
      throw invalid(
        name, value, "a non-negative exact number like 0.0001, 1250000.50 or 1/3")
    }
    do {
      try Limits.check(
        number, value.contains("/") ? .ratio : .money, field: "<\(element.name) \(name)>")
    } catch {
      throw self.error(error.description)
    }
    return number
  }

  func date(_ name: String) throws(ImportError) -> CalendarDate {
    let value = try required(name)
    guard let date = CalendarDate(iso: value) else {
      throw invalid(name, value, "a date as YYYY-MM-DD")
    }
    do {
      try Limits.check(date, field: "<\(element.name) \(name)>")
    } catch {
      throw self.error(error.description)
    }
    return date
  }

  func optionalDate(_ name: String) throws(ImportError) -> CalendarDate? {
    guard attribute(name) != nil else { return nil }
    return try date(name)
  }

  func int(_ name: String, in range: ClosedRange<Int>) throws(ImportError) -> Int {
    let value = try required(name)
    guard value.utf8.count <= 10, let number = Int(value), range.contains(number) else {
      throw invalid(name, value, "a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return number
  }

  func bool(_ name: String, default fallback: Bool) throws(ImportError) -> Bool {
    guard let value = attribute(name) else { return fallback }
    switch value {
    case "true", "1": return true
    case "false", "0": return false
    default: throw invalid(name, value, "true or false")
    }
  }

  func choice<T: RawRepresentable & CaseIterable>(_ name: String, default fallback: T? = nil)
    throws(ImportError) -> T where T.RawValue == String
  {
    guard let value = attribute(name) else {
      if let fallback { return fallback }
      throw error("<\(element.name)> needs the attribute '\(name)'")
    }
    guard let choice = T(rawValue: value) else {
      throw invalid(name, value, "one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return choice
  }

  /// A SAFE's or note's rank at an exit: `preferred` (also when absent), `debt` or a whole
  /// number on the preferred classes' seniority scale.
  func rank(_ name: String) throws(ImportError) -> ConvertibleRank {
    guard let value = element[name] else { return .withPreferred }
    let range = -1_000_000...1_000_000
    guard let rank = ConvertibleRank(rawValue: value) else {
      throw invalid(name, value, "preferred, debt or a whole number from -1000000 to 1000000")
    }
    if case .seniority(let seniority) = rank, !range.contains(seniority) {
      throw invalid(name, value, "preferred, debt or a whole number from -1000000 to 1000000")
    }
    return rank
  }

  func security(_ name: String) throws(ImportError) -> SecurityID {
    SecurityID(try text(name))
  }

  func optionalSecurity(_ name: String) throws(ImportError) -> SecurityID? {
    guard attribute(name) != nil else { return nil }
    return try security(name)
  }
}
