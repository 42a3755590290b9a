/// One step of a streamed XML document.
public enum XMLEvent: Sendable, Equatable {
  /// An element opens; for `<a/>` an `.end` follows at once.
  case start(XMLElement)
  /// An element closes.
  case end(name: String, line: Int)
  /// Character data (text or CDATA) inside an element; whitespace-only text between elements is
  /// skipped.
  case text(String, line: Int)
}

/// An element's name, namespace, attributes and line.
public struct XMLElement: Sendable, Equatable {
  /// An attribute.
  public struct Attribute: Sendable, Equatable {
    /// The local name (`Index` for `ss:Index`).
    public var name: String
    /// The namespace URI, if the attribute has a prefix.
    public var namespace: String?
    /// The value, with character references resolved.
    public var value: String
  }

  /// The local name.
  public var name: String
  /// The namespace URI, if any.
  public var namespace: String?
  /// The attributes, in document order (namespace declarations left out).
  public var attributes: [Attribute]
  /// The line the start tag is on.
  public var line: Int
  /// Whether the element was written `<a/>`.
  public var isEmpty: Bool
  /// Nesting depth (the root is 0).
  public var depth: Int

  /// The value of the attribute with this local name (any namespace), if present.
  public subscript(name: String) -> String? {
    for attribute in attributes where attribute.name == name { return attribute.value }
    return nil
  }
}
