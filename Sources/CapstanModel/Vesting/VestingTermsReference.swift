/// Vesting terms held by reference, so every position that carries them stays one pointer
/// larger rather than a hundred bytes (replay copies positions).
final class VestingTermsReference: Sendable, Hashable, Codable {
  let value: VestingTerms

  init(_ value: VestingTerms) { self.value = value }

  /// Decodes the terms themselves.
  init(from decoder: any Decoder) throws {
    value = try decoder.singleValueContainer().decode(VestingTerms.self)
  }

  /// Encodes the terms themselves.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(value)
  }

  static func == (lhs: VestingTermsReference, rhs: VestingTermsReference) -> Bool {
    lhs === rhs || lhs.value == rhs.value
  }

  func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// Vesting facts held by reference: most positions have none (nil), and the few that do change
/// rarely, so a position carries one pointer instead of some 32 bytes.
final class VestingFactsReference: Sendable, Hashable, Codable {
  let value: VestingFacts

  init(_ value: VestingFacts) { self.value = value }

  /// Decodes the facts themselves (a stored replay snapshot keeps them).
  init(from decoder: any Decoder) throws {
    value = try decoder.singleValueContainer().decode(VestingFacts.self)
  }

  /// Encodes the facts themselves.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(value)
  }

  static func == (lhs: VestingFactsReference, rhs: VestingFactsReference) -> Bool {
    lhs === rhs || lhs.value == rhs.value
  }

  func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
