extension AmountParser {
  /// `key=value,key=value` as a dictionary (keys lowercased, spaces in them dropped), requiring
  /// the `required` keys. Values may hold grouping commas (1,500,000): a part without `=`
  /// continues the last value. The options of `compare` and `offer add` are written this way.
  public static func pairs(_ text: String, field: String, required: [String]) throws(InputError)
    -> [String: String]
  {
    var result: [String: String] = [:]
    var last: String?
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
      if pieces.count == 2 {
        let key = String(pieces[0].filter { !$0.isWhitespace }).lowercased()
        result[key] = pieces[1]
        last = key
      } else if let key = last {
        result[key, default: ""] += "," + part
      } else {
        throw .invalid(field: field, input: text, expected: "KEY=VALUE pairs")
      }
    }
    for key in required where result[key] == nil {
      throw .invalid(field: field, input: text, expected: "\(key)=... among the pairs")
    }
    return result
  }
}
