import CapstanXML

/// Why an import file was refused: where (file and line, or sheet and cell) and what was expected.
public struct ImportError: Error, Equatable, CustomStringConvertible {
  /// `file.xml:12` or `caps.xlsx, sheet Holdings, cell C4`.
  public var location: String
  /// What is wrong and what was expected.
  public var message: String

  /// An error at a location.
  public init(location: String, message: String) {
    self.location = location
    self.message = message
  }

  /// An error of the XML reader.
  public init(_ error: XMLReadError) {
    location = error.line.map { "\(error.file):\($0)" } ?? error.file
    message = error.message
  }

  /// `location: message`.
  public var description: String { "\(location): \(message)" }
}
