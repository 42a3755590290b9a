import Foundation

/// An `application/x-www-form-urlencoded` body: the fields of an HTML form.
enum FormBody {
  /// The fields, by name (the first of a repeated name); `+` is a space.
  static func parse(_ text: String) -> [String: String] {
    var fields: [String: String] = [:]
    for pair in text.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = decode(parts[0])
      let value = parts.count > 1 ? decode(parts[1]) : ""
      if fields[name] == nil { fields[name] = value }
    }
    return fields
  }

  private static func decode(_ part: Substring) -> String {
    let spaced = part.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }
}

extension FormBody {
  /// The content type of a form's body.
  static let contentType = "application/x-www-form-urlencoded"
}
