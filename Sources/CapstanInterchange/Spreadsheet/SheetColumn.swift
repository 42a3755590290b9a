/// What a column of a holdings sheet means, and the headers that name it.
public enum SheetColumn: String, Sendable, CaseIterable {
  case holder, email, shareClass = "class", quantity, issueDate = "issue-date", price, strike
  case vestingStart = "vesting-start", vesting, security, type, plan, expires

  /// Header texts (compared lowercased, without spaces, punctuation or `#`) as cap-table tools
  /// export them.
  public var synonyms: [String] {
    switch self {
    case .holder:
      [
        "shareholder", "stakeholder", "name", "holder", "investor", "stockholder", "securityholder",
        "holdername", "stakeholdername", "shareholdername",
      ]
    case .email: ["email", "emailaddress", "e-mail"]
    case .shareClass:
      ["securityclass", "shareclass", "class", "stockclass", "classofshares", "classname"]
    case .quantity:
      [
        "shares", "quantity", "shares", "numberofshares", "sharesissued", "quantityissued",
        "options", "optionsgranted", "granted", "sharecount", "no.ofshares", "noofshares",
      ]
    case .issueDate:
      ["issuedate", "dateissued", "grantdate", "date", "issuancedate", "acquisitiondate"]
    case .price:
      [
        "price", "cost/share", "costpershare", "pricepershare", "issueprice", "purchaseprice",
        "pricepaidpershare",
      ]
    case .strike: ["strike", "exerciseprice", "strikeprice", "optionprice"]
    case .vestingStart:
      ["vestingstart", "vestingstartdate", "vestingcommencementdate", "vestingcommencement"]
    case .vesting: ["vesting", "vestingschedule"]
    case .security: ["certificate", "securityid", "certificateid", "cert", "id", "security"]
    case .type: ["type", "securitytype", "equitytype"]
    case .plan: ["plan", "equityplan", "stockplan"]
    case .expires: ["expiration", "expirationdate", "expires", "expirydate"]
    }
  }

  /// A header as compared: lowercased, spaces, `#`, `_`, `-` (except in e-mail) and `()` removed.
  static func normalize(_ header: String) -> String {
    var out = ""
    for character in header.lowercased() where !" #_()\t\n".contains(character) {
      out.append(character)
    }
    return out == "e-mail" ? out : String(out.filter { $0 != "-" })
  }

  /// The column a header names, if any.
  static func matching(_ header: String) -> SheetColumn? {
    let key = normalize(header)
    return allCases.first { $0.synonyms.contains(key) }
  }
}
