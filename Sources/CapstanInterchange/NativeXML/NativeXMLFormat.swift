/// Names of Capstan's native XML format (see docs/xml-format.md and
/// Fixtures/schema/capstan-ledger.xsd).
public enum NativeXMLFormat {
  /// The namespace of version 1 of the format.
  public static let namespace = "urn:capstan:ledger:1"
  /// The format version this build reads and writes.
  public static let version = "1"
  /// The root element.
  public static let root = "capstan"
}
