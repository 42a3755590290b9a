import CapstanModel
import Foundation

/// Reads a revenue plan CSV (`month,revenue`, months 1, 2, 3... from the closing) for the
/// revenue-share legs of `capstan compare`.
public enum RevenuePlanFile {
  /// The monthly revenues of the file at `path`; an error names the file and line.
  public static func read(_ path: String) throws -> [Ratio] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError.invalid(field: "FILE", input: path, expected: "a readable CSV file")
    }
    return try RevenuePlan.parse(
      String(decoding: data, as: UTF8.self), file: (path as NSString).lastPathComponent)
  }
}
