extension Offer.CreditLeg {
  /// Credits written `amount=AMOUNT,expires=MONTHSm[,provider=NAME]`; errors name `field`.
  public static func parse(_ text: String, field: String) throws(InputError) -> Self {
    let fields = try AmountParser.pairs(text, field: field, required: ["amount", "expires"])
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
    let fields = try AmountParser.pairs(
      text, field: field, required: ["credits", "percent", "cap"])
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
