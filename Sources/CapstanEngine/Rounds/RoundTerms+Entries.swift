import CapstanModel

extension Investment {
  /// A new investor's cheque written `NAME=AMOUNT` (`lead=6M`); errors name `field`.
  public static func parse(_ entry: String, field: String) throws -> Investment {
    let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty else {
      throw InputError.invalid(field: field, input: entry, expected: "NAME=AMOUNT, e.g. lead=6M")
    }
    return Investment(
      investor: parts[0], amount: try AmountParser.amount(parts[1], field: "\(field) \(parts[0])"))
  }
}

extension ProRataChoice {
  /// An election written `HOLDER=full`, `HOLDER=declined` or `HOLDER=AMOUNT`; errors name
  /// `field`.
  public static func parse(_ entry: String, field: String) throws -> ProRataChoice {
    let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty else {
      throw InputError.invalid(
        field: field, input: entry, expected: "HOLDER=full, HOLDER=declined or HOLDER=AMOUNT")
    }
    let take: Take =
      switch parts[1].lowercased() {
      case "full": .full
      case "declined": .declined
      default: .amount(try AmountParser.amount(parts[1], field: "\(field) \(parts[0])"))
      }
    return ProRataChoice(holder: parts[0], take: take)
  }
}

extension RoundTerms {
  /// MFN elections written `SAFE_ID=LATER_SAFE_ID` (nil for none); errors name `field`.
  public static func mfnAdoptions(parsing entries: [String], field: String) throws
    -> [String: String]?
  {
    var adoptions: [String: String] = [:]
    for entry in entries {
      let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw InputError.invalid(
          field: field, input: entry, expected: "SAFE_ID=LATER_SAFE_ID, e.g. SAFE-1=SAFE-3")
      }
      adoptions[parts[0]] = parts[1]
    }
    return adoptions.isEmpty ? nil : adoptions
  }

  /// Prices the round on the token investors' stake after it ("N tokens for P %"): the
  /// post-money is their agreed value divided by `percent` (written `10%`, strictly between
  /// 0 % and 100 %); errors name `field`.
  public mutating func setTokenStake(_ percent: String, field: String) throws {
    let stake = try AmountParser.percentage(percent, field: field)
    guard stake > .zero, stake < .one else {
      throw InputError.invalid(
        field: field, input: percent, expected: "a stake between 0% and 100%")
    }
    let agreed = Ratio.sum(tokenInvestments.map(\.amount))
    valuation = .postMoney(TokenDeal.postMoney(investment: agreed, percent: stake))
  }

  /// Refuses a pro rata holder no stakeholder is named (after `resolvingNames(in:)`);
  /// errors name `field`.
  public func checkProRataHolders(field: String) throws {
    if let unknown = unresolvedProRataHolders.first {
      throw InputError.invalid(
        field: field, input: unknown,
        expected: "a stakeholder's name, but no stakeholder is named '\(unknown)'")
    }
  }
}
