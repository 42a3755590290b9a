import CapstanModel

extension FinancingComparison.Offer {
  /// A cash round written `pre=PRE_MONEY,amount=AMOUNT`; errors name `field`.
  public static func cash(parsing text: String, field: String) throws -> Self {
    let fields = try AmountParser.pairs(text, field: field, required: ["pre", "amount"])
    return .cash(
      preMoney: try AmountParser.amount(fields["pre"] ?? "", field: "\(field) pre"),
      amount: try AmountParser.amount(fields["amount"] ?? "", field: "\(field) amount"))
  }

  /// Cloud credits written `amount=AMOUNT,expires=MONTHSm`; errors name `field`.
  public static func credits(parsing text: String, field: String) throws -> Self {
    let fields = try AmountParser.pairs(text, field: field, required: ["amount", "expires"])
    let expires = (fields["expires"] ?? "").lowercased()
    let digits = expires.hasSuffix("m") ? String(expires.dropLast()) : expires
    guard let months = Int(digits), months > 0 else {
      throw InputError.invalid(
        field: "\(field) expires", input: expires, expected: "months, e.g. expires=12m")
    }
    return .credits(
      amount: try AmountParser.amount(fields["amount"] ?? "", field: "\(field) amount"),
      expiresMonths: months)
  }

  /// Tokens for equity written `tokens=N,agreed=PRICE` with `percent=P%` or `pre=PRE_MONEY`;
  /// errors name `field`.
  public static func tokens(parsing text: String, field: String) throws -> Self {
    let fields = try AmountParser.pairs(text, field: field, required: ["tokens", "agreed"])
    let stake: FinancingComparison.TokenStake
    switch (fields["percent"], fields["pre"]) {
    case (let percent?, nil):
      stake = .percent(try AmountParser.percentage(percent, field: "\(field) percent"))
    case (nil, let pre?):
      stake = .preMoney(try AmountParser.amount(pre, field: "\(field) pre"))
    default:
      throw InputError.invalid(
        field: field, input: text, expected: "either percent=P% or pre=AMOUNT")
    }
    return .tokens(
      tokens: try AmountParser.tokens(fields["tokens"] ?? "", field: "\(field) tokens"),
      agreedPrice: try AmountParser.amount(fields["agreed"] ?? "", field: "\(field) agreed"),
      stake: stake)
  }
}
