import Foundation

/// Decodes `Decodable` types from an `OCFJSONValue` tree, with the same `DecodingError`s (and
/// coding paths) as Foundation's `JSONDecoder`, so messages name the item and field.
struct OCFJSONDecoder {
  /// Parses `data` and decodes a `T` from it.
  static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
    let value: OCFJSONValue
    do {
      value = try OCFJSONParser.parse(data)
    } catch let error as OCFJSONSyntaxError {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: [], debugDescription: "JSON: \(error)", underlyingError: error))
    }
    return try T(from: TreeDecoder(value: value, base: [], last: nil))
  }
}

/// An index key, as JSONDecoder's paths use.
struct OCFIndexKey: CodingKey {
  var stringValue: String { "Index \(index)" }
  var intValue: Int? { index }
  let index: Int
  init(_ index: Int) { self.index = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { index = intValue }
}

struct TreeDecoder: Decoder {
  let value: OCFJSONValue
  /// The path to the parent, shared with the siblings; the path is only built when asked for
  /// (a container, an error), so a field costs no allocation.
  let base: [any CodingKey]
  let last: (any CodingKey)?
  var codingPath: [any CodingKey] { last.map { base + [$0] } ?? base }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  init(value: OCFJSONValue, base: [any CodingKey], last: (any CodingKey)?) {
    self.value = value
    self.base = base
    self.last = last
  }

  func mismatch<T>(_ type: T.Type, _ found: OCFJSONValue) -> DecodingError {
    .typeMismatch(
      type, .init(codingPath: codingPath, debugDescription: "expected \(type), found \(found.kind)")
    )
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let members) = value else {
      throw mismatch([String: Any].self, value)
    }
    return KeyedDecodingContainer(Keyed<Key>(members: members, codingPath: codingPath))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let elements) = value else { throw mismatch([Any].self, value) }
    return Unkeyed(elements: elements, codingPath: codingPath)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(decoder: self) }

  // MARK: - Primitives

  func decodeString() throws -> String {
    guard case .string(let text) = value else { throw mismatch(String.self, value) }
    return text
  }

  func decodeBool() throws -> Bool {
    guard case .bool(let flag) = value else { throw mismatch(Bool.self, value) }
    return flag
  }

  func decodeInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
    guard case .number(let text) = value else { throw mismatch(type, value) }
    guard let number = T(text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: codingPath, debugDescription: "expected a whole number, found \(text)"))
    }
    return number
  }

  func decodeDouble() throws -> Double {
    guard case .number(let text) = value, let number = Double(text) else {
      throw mismatch(Double.self, value)
    }
    return number
  }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    if type == String.self, let text = try decodeString() as? T { return text }
    return try T(from: self)
  }

  // MARK: - Containers

  struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [(key: String, value: OCFJSONValue)]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    func find(_ key: Key) -> OCFJSONValue? {
      let name = key.stringValue
      for member in members where member.key == name { return member.value }
      return nil
    }

    func child(_ key: Key) throws -> TreeDecoder {
      guard let value = find(key) else {
        throw DecodingError.keyNotFound(
          key, .init(codingPath: codingPath, debugDescription: "no value for '\(key.stringValue)'"))
      }
      return TreeDecoder(value: value, base: codingPath, last: key)
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
      if case .null = try child(key).value { return true }
      return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).decodeBool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
      try child(key).decodeString()
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
      try child(key).decodeDouble()
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
      Float(try child(key).decodeDouble())
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
      try child(key).decodeInteger(type)
    }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
      try child(key).decodeInteger(type)
    }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
      try child(key).decodeInteger(type)
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
      try child(key).decodeInteger(type)
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
      try child(key).decodeInteger(type)
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
      try child(key).decodeInteger(type)
    }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
      try child(key).decodeInteger(type)
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
      try child(key).decodeInteger(type)
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
      try child(key).decodeInteger(type)
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
      try child(key).decodeInteger(type)
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
      try child(key).decode(type)
    }

    /// An absent key or a null is nil, as with JSONDecoder.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
      guard let value = find(key) else { return nil }
      if case .null = value { return nil }
      return try TreeDecoder(value: value, base: codingPath, last: key).decode(type)
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
      guard let value = find(key) else { return nil }
      if case .null = value { return nil }
      return try TreeDecoder(value: value, base: codingPath, last: key).decodeString()
    }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
      guard let value = find(key) else { return nil }
      if case .null = value { return nil }
      return try TreeDecoder(value: value, base: codingPath, last: key).decodeBool()
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
      guard let value = find(key) else { return nil }
      if case .null = value { return nil }
      return try TreeDecoder(value: value, base: codingPath, last: key).decodeInteger(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
      throws -> KeyedDecodingContainer<NestedKey>
    {
      try child(key).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
      try child(key).unkeyedContainer()
    }
    func superDecoder() throws -> any Decoder {
      TreeDecoder(value: .object(members), base: codingPath, last: nil)
    }
    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
  }

  struct Unkeyed: UnkeyedDecodingContainer {
    let elements: [OCFJSONValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    init(elements: [OCFJSONValue], codingPath: [any CodingKey]) {
      self.elements = elements
      self.codingPath = codingPath
    }

    mutating func next() throws -> TreeDecoder {
      guard !isAtEnd else {
        throw DecodingError.valueNotFound(
          Any.self, .init(codingPath: codingPath, debugDescription: "no more elements"))
      }
      defer { currentIndex += 1 }
      return TreeDecoder(
        value: elements[currentIndex], base: codingPath, last: OCFIndexKey(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
      guard !isAtEnd, case .null = elements[currentIndex] else { return false }
      currentIndex += 1
      return true
    }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().decodeBool() }
    mutating func decode(_ type: String.Type) throws -> String { try next().decodeString() }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().decodeDouble() }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try next().decodeDouble()) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().decodeInteger(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().decodeInteger(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().decodeInteger(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().decodeInteger(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().decodeInteger(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next().decodeInteger(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().decodeInteger(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().decodeInteger(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().decodeInteger(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().decodeInteger(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
      -> KeyedDecodingContainer<NestedKey>
    {
      try next().container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
      try next().unkeyedContainer()
    }
    mutating func superDecoder() throws -> any Decoder { try next() }
  }

  struct Single: SingleValueDecodingContainer {
    let decoder: TreeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool {
      if case .null = decoder.value { return true }
      return false
    }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeBool() }
    func decode(_ type: String.Type) throws -> String { try decoder.decodeString() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decodeDouble() }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoder.decodeDouble()) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.decodeInteger(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeInteger(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeInteger(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeInteger(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeInteger(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeInteger(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeInteger(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeInteger(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeInteger(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeInteger(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type) }
  }
}
