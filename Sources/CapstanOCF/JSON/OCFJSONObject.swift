import CapstanModel

/// A field that could not be read: its path inside the item (`share_price.amount`,
/// `vesting_conditions.[0].portion`) and what was expected.
///
/// Readers add their key on the way up, so a field that reads fine builds no path.
struct OCFFieldError: Error {
  var path: [String]
  var expected: String

  /// The same error one level further from the field.
  func under(_ component: String) -> OCFFieldError {
    OCFFieldError(path: [component] + path, expected: expected)
  }

  /// The field error a `DecodingError` from `OCFJSONDecoder` describes (the rarer objects are
  /// still read with their `Decodable` conformances).
  init(_ error: DecodingError) {
    let path: [any CodingKey]
    switch error {
    case .dataCorrupted(let context):
      path = context.codingPath
      expected = context.debugDescription
    case .keyNotFound(let key, let context):
      path = context.codingPath + [key]
      expected = "a value for '\(key.stringValue)'"
    case .typeMismatch(let type, let context):
      path = context.codingPath
      expected = "a value of type \(type)"
    case .valueNotFound(let type, let context):
      path = context.codingPath
      expected = "a value of type \(type), found null"
    @unknown default:
      path = []
      expected = "valid OCF JSON"
    }
    self.path = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
  }

  init(path: [String], expected: String) {
    self.path = path
    self.expected = expected
  }
}

/// Reads an OCF object straight from the parsed tree by member name, without `Decodable`
/// containers (each of which is a class allocation; this import reads 190,000 objects).
///
/// The messages are those `OCFJSONDecoder` gives, so an error names the same field either way.
struct OCFJSONObject {
  let members: [(key: String, value: OCFJSONValue)]

  /// An object, or a type mismatch.
  init(_ value: OCFJSONValue) throws {
    guard case .object(let members) = value else {
      throw OCFFieldError(path: [], expected: "a value of type Dictionary<String, Any>")
    }
    self.members = members
  }

  /// The member's value, if the object has it.
  func find(_ key: String) -> OCFJSONValue? {
    for member in members where member.key == key { return member.value }
    return nil
  }

  /// The member's value; its absence is an error.
  func required(_ key: String) throws -> OCFJSONValue {
    guard let value = find(key) else {
      throw OCFFieldError(path: [key], expected: "a value for '\(key)'")
    }
    return value
  }

  /// The member's value, or nil when it is absent or null.
  func present(_ key: String) -> OCFJSONValue? {
    guard let value = find(key) else { return nil }
    if case .null = value { return nil }
    return value
  }

  // MARK: - Strings and flags

  /// A string member.
  func string(_ key: String) throws -> String {
    guard case .string(let text) = try required(key) else {
      throw OCFFieldError(path: [key], expected: "a value of type String")
    }
    return text
  }

  /// A string member that may be absent or null.
  func optionalString(_ key: String) throws -> String? {
    guard let value = present(key) else { return nil }
    guard case .string(let text) = value else {
      throw OCFFieldError(path: [key], expected: "a value of type String")
    }
    return text
  }

  /// An array of strings that may be absent or null.
  func optionalStrings(_ key: String) throws -> [String]? {
    guard let value = present(key) else { return nil }
    guard case .array(let elements) = value else {
      throw OCFFieldError(path: [key], expected: "a value of type Array<Any>")
    }
    var out: [String] = []
    out.reserveCapacity(elements.count)
    for (index, element) in elements.enumerated() {
      guard case .string(let text) = element else {
        throw OCFFieldError(path: [key, "[\(index)]"], expected: "a value of type String")
      }
      out.append(text)
    }
    return out
  }

  // MARK: - OCF types

  /// A Numeric member.
  func numeric(_ key: String) throws -> OCFNumeric {
    try OCFNumeric.read(try required(key), key: key)
  }

  /// A Numeric member that may be absent or null.
  func optionalNumeric(_ key: String) throws -> OCFNumeric? {
    guard let value = present(key) else { return nil }
    return try OCFNumeric.read(value, key: key)
  }

  /// A Date member.
  func date(_ key: String) throws -> OCFDate {
    try OCFDate.read(try required(key), key: key)
  }

  /// A Date member that may be absent or null.
  func optionalDate(_ key: String) throws -> OCFDate? {
    guard let value = present(key) else { return nil }
    return try OCFDate.read(value, key: key)
  }

  /// A Monetary member that may be absent or null.
  func optionalMonetary(_ key: String) throws -> OCFMonetary? {
    guard let value = present(key) else { return nil }
    do {
      let object = try OCFJSONObject(value)
      return OCFMonetary(
        amount: try object.numeric("amount"), currency: try object.string("currency"))
    } catch let error as OCFFieldError {
      throw error.under(key)
    }
  }

  /// A member read with its `Decodable` conformance (objects that are rare in a package).
  func decoded<T: Decodable>(_ type: T.Type, _ key: String) throws -> T? {
    guard let value = present(key) else { return nil }
    do {
      return try T(from: TreeDecoder(value: value, base: [], last: nil))
    } catch let error as DecodingError {
      throw OCFFieldError(error).under(key)
    } catch {
      throw OCFFieldError(path: [key], expected: "valid OCF JSON (\(error))")
    }
  }
}

extension OCFNumeric {
  /// Reads a Numeric: a string matching the OCF pattern.
  static func read(_ value: OCFJSONValue, key: String) throws -> OCFNumeric {
    guard case .string(let text) = value else {
      throw OCFFieldError(
        path: [key], expected: "a decimal string such as \"1250000\" (OCF Numeric)")
    }
    if let problem = OCFNumeric.limitProblem(text) {
      throw OCFFieldError(path: [key], expected: problem)
    }
    guard let number = OCFNumeric.parse(text) else {
      throw OCFFieldError(
        path: [key],
        expected:
          "a decimal string with at most 10 decimals and no exponent (OCF Numeric), found '\(text.prefix(40))'"
      )
    }
    return OCFNumeric(number)
  }
}

extension OCFDate {
  /// Reads a Date: `YYYY-MM-DD`.
  static func read(_ value: OCFJSONValue, key: String) throws -> OCFDate {
    var text = ""
    if case .string(let string) = value { text = string }
    guard let date = CalendarDate(iso: text), Limits.years.contains(date.year) else {
      throw OCFFieldError(
        path: [key],
        expected:
          CalendarDate(iso: text) == nil
          ? "an ISO date YYYY-MM-DD, found '\(text.prefix(40))'"
          : "a date in the years \(Limits.years.lowerBound) to \(Limits.years.upperBound) "
            + "(Capstan's limit), found '\(text.prefix(40))'")
    }
    return OCFDate(value: date)
  }
}
