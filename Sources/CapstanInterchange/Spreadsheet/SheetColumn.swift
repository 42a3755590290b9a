/// What a column of a holdings sheet means, and the headers that name it.
public enum SheetColumn: String, Sendable, CaseIterable {
  case holder, email, shareClass = "class", quantity, issueDate = "issue-date", price, strike
  case vestingStart = "vesting-start", vesting, security, type, plan, expires
  case cost, holderKind = "holder-kind"

  /// Header texts (compared lowercased, without spaces, punctuation or `#`) as cap-table tools
  /// export them.
  public var synonyms: [String] {
    switch self {
    case .holder:
      [
        "shareholder", "stakeholder", "name", "holder", "investor", "stockholder", "securityholder",
        "holdername", "stakeholdername", "shareholdername", "investorname", "securityholdername",
        "registeredholder", "fullname",
      ]
    case .email: ["email", "emailaddress", "e-mail"]
    case .shareClass:
      [
        "securityclass", "shareclass", "class", "stockclass", "classofshares", "classname",
        "shareclassname", "stockclassname", "securityclassname",
      ]
    case .quantity:
      [
        "shares", "quantity", "shares", "numberofshares", "sharesissued", "quantityissued",
        "options", "optionsgranted", "granted", "sharecount", "no.ofshares", "noofshares",
        "numberofoptions", "quantitygranted", "optionsissued", "sharesowned", "sharesheld",
        "outstandingshares", "shareoutstanding", "numberofsharesissued",
      ]
    case .issueDate:
      [
        "issuedate", "dateissued", "grantdate", "date", "issuancedate", "acquisitiondate",
        "boardapprovaldate", "dateofissue", "dateofgrant", "purchasedate",
      ]
    case .price:
      [
        "price", "cost/share", "costpershare", "pricepershare", "issueprice", "purchaseprice",
        "pricepaidpershare", "originalpricepershare", "pricepershare$", "costpershare$",
      ]
    case .strike: ["strike", "exerciseprice", "strikeprice", "optionprice"]
    case .vestingStart:
      ["vestingstart", "vestingstartdate", "vestingcommencementdate", "vestingcommencement"]
    case .vesting: ["vesting", "vestingschedule", "vestingterms", "vestingplan"]
    case .security:
      [
        "certificate", "securityid", "certificateid", "cert", "id", "security", "label",
        "certificateno.", "certificatenumber", "grantid", "optionid", "grantnumber", "certno.",
      ]
    case .type: ["type", "securitytype", "equitytype"]
    case .plan: ["plan", "equityplan", "stockplan"]
    case .expires: ["expiration", "expirationdate", "expires", "expirydate"]
    case .cost:
      [
        "cost", "totalcost", "cashpaid", "amountpaid", "investment", "investmentamount",
        "capitalcontribution", "amountinvested", "totalprice", "purchaseamount", "cost$",
      ]
    case .holderKind:
      ["stakeholdertype", "holdertype", "entitytype", "investortype", "shareholdertype"]
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
