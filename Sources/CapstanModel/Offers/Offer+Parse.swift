extension Offer.CreditLeg {
  /// Credits written `amount=AMOUNT,expires=MONTHSm[,provider=NAME]`; errors name `field`.
  public static func parse(_ text: String, field: String) throws(InputError) -> Self {
    let fields = try Offer.pairs(text, field, required: ["amount", "expires"])
    let expires = (fields["expires"] ?? "").lowercased()
    let digits = expires.hasSuffix("m") ? String(expires.dropLast()) : expires
    guard let months = Int(digits), months > 0 else {
      throw .invalid(
        field: "\(field) expires", input: expires, expected: "months, e.g. expires=12m")
    }
    let amount = try AmountParser.amount(fields["amount"] ?? "", field: "\(field) amount")
    guard amount > .zero else {
      throw .invalid(field: "\(field) amount", input: "0", expected: "a positive amount")
    }
    return Self(
      amount: amount, expiresMonths: months,
      provider: fields["provider"]?.trimmingSpaces ?? "")
  }
}

extension Offer.RevenueShareLeg {
  /// A revenue share written `credits=AMOUNT,percent=P%,cap=Mx[,provider=NAME]`; errors name
  /// `field`.
  public static func parse(_ text: String, field: String) throws(InputError) -> Self {
    let fields = try Offer.pairs(text, field, required: ["credits", "percent", "cap"])
    let credits = try AmountParser.amount(fields["credits"] ?? "", field: "\(field) credits")
    let percent = try AmountParser.percentage(fields["percent"] ?? "", field: "\(field) percent")
    var capText = (fields["cap"] ?? "").trimmingSpaces.lowercased()
    if capText.hasSuffix("x") { capText.removeLast() }
    let cap = try AmountParser.amount(capText, field: "\(field) cap")
    guard credits > .zero else {
      throw .invalid(field: "\(field) credits", input: "0", expected: "a positive amount")
    }
    guard percent > .zero, percent <= .one else {
      throw .invalid(
        field: "\(field) percent", input: fields["percent"] ?? "",
        expected: "a percentage of revenue above 0% and at most 100%")
    }
    guard cap >= .one else {
      throw .invalid(
        field: "\(field) cap", input: fields["cap"] ?? "",
        expected: "a multiple of the credits of at least 1x, e.g. cap=1.5x")
    }
    return Self(
      provider: fields["provider"]?.trimmingSpaces ?? "", credits: credits, percentage: percent,
      capMultiple: cap)
  }
}

extension Offer {
  /// `key=value,key=value`, requiring `required` keys. Values may hold grouping commas
  /// (1,500,000): a part without `=` continues the last value.
  static func pairs(_ text: String, _ field: String, required: [String]) throws(InputError)
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
