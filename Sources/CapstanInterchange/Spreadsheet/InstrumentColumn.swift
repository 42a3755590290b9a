/// What a column of a SAFE, note or warrant sheet means, and the headers that name it.
public enum InstrumentColumn: String, Sendable, CaseIterable {
  case holder, amount, cap, discount, rate, issueDate = "issue-date", maturity
  case safeType = "safe-type", mfn, proRata = "pro-rata", security, shareClass = "class"
  case quantity, strike, expires, email, holderKind = "holder-kind"

  /// Header texts (compared as `SheetColumn.normalize` leaves them).
  public var synonyms: [String] {
    switch self {
    case .holder: SheetColumn.holder.synonyms
    case .amount:
      [
        "amount", "investmentamount", "purchaseamount", "principal", "principalamount",
        "amountinvested", "investment", "cashpaid", "amountpaid", "faceamount", "noteamount",
        "safeamount", "amount$", "principal$", "investmentamount$",
      ]
    case .cap:
      [
        "valuationcap", "cap", "postmoneyvaluationcap", "premoneyvaluationcap", "postmoneycap",
        "premoneycap", "conversioncap", "valuationcap$",
      ]
    case .discount: ["discount", "discountrate", "discount%", "conversiondiscount"]
    case .rate: ["interestrate", "interest", "rate", "interestrate%", "annualinterestrate"]
    case .issueDate:
      SheetColumn.issueDate.synonyms + [
        "investmentdate", "dateofissuance", "issuedon", "datesigned", "signeddate",
      ]
    case .maturity: ["maturity", "maturitydate"]
    case .safeType: ["safetype", "type", "premoneyorpostmoney", "valuationtype", "captype"]
    case .mfn: ["mfn", "mostfavorednation", "mostfavourednation"]
    case .proRata: ["prorata", "proratarights", "proratasideletter"]
    case .security: SheetColumn.security.synonyms + ["safeid", "noteid", "warrantid"]
    case .shareClass: SheetColumn.shareClass.synonyms
    case .quantity:
      SheetColumn.quantity.synonyms + ["warrantshares", "sharesunderlying", "numberofwarrants"]
    case .strike: SheetColumn.strike.synonyms + ["warrantprice", "warrantexerciseprice"]
    case .expires: SheetColumn.expires.synonyms + ["expiry", "warrantexpirationdate"]
    case .email: SheetColumn.email.synonyms
    case .holderKind: SheetColumn.holderKind.synonyms
    }
  }

  /// The column a header names, if any.
  static func matching(_ header: String) -> InstrumentColumn? {
    let key = SheetColumn.normalize(header)
    return allCases.first { $0.synonyms.contains(key) }
  }
}

/// The instrument a sheet holds: SAFEs, convertible notes or warrants.
public enum SheetInstrumentKind: String, Sendable, CaseIterable {
  case safe = "SAFE"
  case note = "convertible note"
  case warrant

  /// The kind a sheet's name says by one of its words ("SAFEs", "Convertible Notes",
  /// "Warrants", `safes.csv`), if any; "carta-no-terms" says none.
  public static func named(_ name: String) -> SheetInstrumentKind? {
    let words = Set(
      name.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
    if !words.isDisjoint(with: ["safe", "safes"]) { return .safe }
    if !words.isDisjoint(with: ["warrant", "warrants"]) { return .warrant }
    if !words.isDisjoint(with: ["note", "notes", "convertible", "convertibles"]) { return .note }
    return nil
  }

  /// The kind the columns of a sheet say, when its name says none: a holder and an amount
  /// without a quantity; an interest rate or a maturity makes it notes, else SAFEs. Warrants
  /// look like options (shares, an exercise price, an expiry), so only a sheet's name says
  /// warrants.
  static func fromColumns(_ columns: [InstrumentColumn: Int]) -> SheetInstrumentKind? {
    guard columns[.holder] != nil, columns[.amount] != nil, columns[.quantity] == nil else {
      return nil
    }
    return columns[.rate] != nil || columns[.maturity] != nil ? .note : .safe
  }

  /// The columns a row of this kind needs.
  var required: [InstrumentColumn] {
    switch self {
    case .safe: [.holder, .amount, .issueDate]
    case .note: [.holder, .amount, .rate, .issueDate]
    case .warrant: [.holder, .shareClass, .quantity, .strike, .issueDate]
    }
  }
}
