import CapstanModel
import CapstanXML

extension NativeXMLReader {
  /// One transaction element of `<transactions>`: its date and ledger event, every attribute
  /// checked (unknown ones refused with the line).
  mutating func transaction(_ element: XMLElement) throws(ImportError)
    -> (date: CalendarDate, event: LedgerEvent)
  {
    guard let kind = LedgerEvent.Kind(rawValue: element.name) else {
      throw error(
        "unexpected <\(element.name)> in <transactions> (expected \(LedgerEvent.Kind.wordList))",
        line: element.line)
    }
    let allowed: [String]
    switch kind {
    case .issue: allowed = ["security", "holder", "class", "quantity", "price", "custom-id"]
    case .grant:
      allowed = ["security", "holder", "plan", "quantity", "strike", "expires", "custom-id"]
    case .exercise:
      allowed = [
        "grant", "quantity", "resulting-security", "issued-holder", "issued-class",
        "issued-quantity", "issued-price", "custom-id",
      ]
    case .transfer:
      allowed = [
        "security", "to", "quantity", "resulting-security", "balance-security", "custom-id",
        "balance-custom-id",
      ]
    case .cancel:
      allowed = ["security", "quantity", "balance-security", "reason", "balance-custom-id"]
    case .repurchase:
      allowed = ["security", "quantity", "price", "balance-security", "balance-custom-id"]
    case .split: allowed = ["class", "ratio"]
    case .authorize: allowed = ["class", "total"]
    case .poolIncrease: allowed = ["plan", "quantity"]
    case .safe:
      allowed = [
        "security", "holder", "amount", "kind", "cap", "discount", "mfn", "pro-rata", "rank",
        "custom-id",
      ]
    case .note:
      allowed = [
        "security", "holder", "principal", "rate", "compounding", "day-count", "maturity", "cap",
        "discount", "cap-basis", "rank", "custom-id",
      ]
    case .warrant:
      allowed = ["security", "holder", "class", "quantity", "strike", "expires", "custom-id"]
    case .conversion:
      allowed = ["security", "resulting-security", "class", "quantity", "price", "custom-id"]
    case .conversionPrice: allowed = ["class", "price"]
    case .computeGrant:
      allowed = [
        "security", "provider", "symbol", "tokens", "agreed-price", "expires", "clawback-on",
      ]
    case .tokenRedeem: allowed = ["grant", "tokens"]
    case .tokenSale: allowed = ["grant", "tokens", "price"]
    case .tokenClawback: allowed = ["grant", "tokens", "event"]
    case .changeOfControl: allowed = ["note"]
    case .termination: allowed = ["holder", "security", "without-cause"]
    case .milestone: allowed = ["name", "holder", "security"]
    case .acceleration: allowed = ["security", "quantity", "reason"]
    case .void: allowed = ["transaction", "reason"]
    case .holderMerge: allowed = ["from", "into"]
    case .planAmendment: allowed = ["plan", "cancellation", "adopted"]
    case .classAmendment:
      allowed = [
        "class", "multiple", "participation", "cap", "seniority", "anti-dilution",
        "votes-per-share",
      ]
    }
    let f = try Fields(element, file: file, allowed: Self.common + allowed)
    transactionsRead += 1
    var fileSequence = transactionsRead
    if f.optional("seq") != nil {
      let sequence = try f.int("seq", in: 1...Int(Int32.max))
      guard sequence > lastSequence else {
        throw f.error(
          "seq=\"\(sequence)\" must be greater than the previous transaction's (\(lastSequence)): transactions are listed in recording order"
        )
      }
      lastSequence = sequence
      fileSequence = sequence
    }
    positions[fileSequence] = transactionsRead
    let date = try f.date("date")
    let event: LedgerEvent
    switch kind {
    case .issue:
      let security = try f.security("security")
      let holderID = try holder(f, "holder")
      let classID = try shareClass(f, "class")
      let quantity = try f.shares("quantity")
      let price = try f.ratio("price")
      let (schedule, terms) = try vesting(element, quantity: quantity)
      event = .issueStock(
        StockIssuance(
          security: security, holder: holderID, shareClass: classID, quantity: quantity,
          pricePerShare: price, vesting: schedule, vestingTerms: terms))
      return (date, event.withCustomID(f.optional("custom-id")))
    case .grant:
      let security = try f.security("security")
      let holderID = try holder(f, "holder")
      let planID = try plan(f, "plan")
      let quantity = try f.shares("quantity")
      let strike = try f.ratio("strike")
      let expires = try f.optionalDate("expires")
      let (schedule, terms) = try vesting(element, quantity: quantity)
      event = .grantOptions(
        OptionGrant(
          security: security, holder: holderID, plan: planID, quantity: quantity,
          strike: strike, vesting: schedule, expires: expires, vestingTerms: terms))
      return (date, event.withCustomID(f.optional("custom-id")))
    case .computeGrant:
      return (date, try computeGrant(element, f))
    case .tokenRedeem:
      event = .redeemTokens(
        TokenRedemption(grant: try f.security("grant"), tokens: try f.tokens("tokens")))
    case .tokenSale:
      event = .sellTokens(
        TokenSale(
          grant: try f.security("grant"), tokens: try f.tokens("tokens"),
          price: try f.ratio("price")))
    case .tokenClawback:
      event = .clawbackTokens(
        TokenClawback(
          grant: try f.security("grant"), tokens: try f.tokens("tokens"),
          event: try f.required("event")))
    case .changeOfControl:
      event = .changeOfControl(ChangeOfControl(note: f.optional("note")))
    case .termination:
      event = .terminate(
        Termination(
          holder: try holder(f, "holder"), security: try f.optionalSecurity("security"),
          withoutCause: try f.bool("without-cause", default: false)))
    case .milestone:
      event = .reachMilestone(
        MilestoneAchievement(
          name: try f.text("name"),
          holder: f.optional("holder") == nil ? nil : try holder(f, "holder"),
          security: try f.optionalSecurity("security")))
    case .void, .classAmendment, .holderMerge, .planAmendment:
      event = try correction(kind, f)
    case .acceleration:
      event = .accelerateVesting(
        AcceleratedVesting(
          security: try f.security("security"), quantity: try f.shares("quantity"),
          reason: f.optional("reason")))
    case .exercise:
      event = .exercise(
        Exercise(
          grant: try f.security("grant"), quantity: try f.shares("quantity"),
          resultingSecurity: try f.security("resulting-security"),
          issuedStock: try exercisedStock(f)))
    case .transfer:
      event = .transfer(
        Transfer(
          security: try f.security("security"), to: try holder(f, "to"),
          quantity: try f.shares("quantity"),
          resultingSecurity: try f.security("resulting-security"),
          balanceSecurity: try f.optionalSecurity("balance-security")))
    case .cancel:
      event = .cancel(
        Cancellation(
          security: try f.security("security"), quantity: try f.shares("quantity"),
          balanceSecurity: try f.optionalSecurity("balance-security"), reason: f.optional("reason"))
      )
    case .repurchase:
      event = .repurchase(
        Repurchase(
          security: try f.security("security"), quantity: try f.shares("quantity"),
          pricePerShare: try f.ratio("price"),
          balanceSecurity: try f.optionalSecurity("balance-security")))
    case .split:
      event = .split(
        StockSplit(shareClass: try shareClass(f, "class"), ratio: try f.ratio("ratio")))
    case .authorize:
      event = .authorizeShares(
        SharesAuthorization(shareClass: try shareClass(f, "class"), newTotal: try f.shares("total"))
      )
    case .poolIncrease:
      event = .increasePool(
        PoolIncrease(plan: try plan(f, "plan"), quantity: try f.shares("quantity")))
    case .safe:
      event = .issueSAFE(
        SAFEIssuance(
          security: try f.security("security"), holder: try holder(f, "holder"),
          purchaseAmount: try f.ratio("amount"), kind: try f.choice("kind", default: .postMoney),
          valuationCap: try f.optionalRatio("cap"), discount: try f.optionalRatio("discount"),
          mostFavoredNation: try f.bool("mfn", default: false),
          proRata: try f.bool("pro-rata", default: false), rank: try f.rank("rank")))
    case .note:
      event = .issueNote(
        NoteIssuance(
          security: try f.security("security"), holder: try holder(f, "holder"),
          principal: try f.ratio("principal"), rate: try f.ratio("rate"),
          compounding: try f.choice("compounding", default: .simple),
          dayCount: try f.choice("day-count", default: .actual365),
          maturity: try f.optionalDate("maturity"), valuationCap: try f.optionalRatio("cap"),
          discount: try f.optionalRatio("discount"),
          capBasis: try f.choice("cap-basis", default: .preMoneyFullyDiluted),
          rank: try f.rank("rank")))
    case .warrant:
      event = .issueWarrant(
        WarrantIssuance(
          security: try f.security("security"), holder: try holder(f, "holder"),
          shareClass: try shareClass(f, "class"), quantity: try f.shares("quantity"),
          strike: try f.ratio("strike"), expires: try f.optionalDate("expires")))
    case .conversion:
      event = .convert(
        Conversion(
          security: try f.security("security"),
          resultingSecurity: try f.security("resulting-security"),
          shareClass: try shareClass(f, "class"), quantity: try f.shares("quantity"),
          pricePerShare: try f.ratio("price")))
    case .conversionPrice:
      event = .adjustConversionPrice(
        ConversionPriceChange(
          shareClass: try shareClass(f, "class"), newConversionPrice: try f.ratio("price")))
    }
    try expectEmpty(element)
    if f.optional("balance-custom-id") != nil && f.optional("balance-security") == nil {
      throw f.error("balance-custom-id names the id of a balance-security, and there is none")
    }
    return (
      date,
      event.withCustomID(f.optional("custom-id"))
        .withBalanceCustomID(f.optional("balance-custom-id"))
    )
  }

  /// The optional `<vesting>` and `<vesting-terms>` children of an issue or grant (of
  /// `quantity` shares), through the element's end tag.
  func vesting(_ element: XMLElement, quantity: Shares) throws(ImportError)
    -> (VestingSchedule?, VestingTerms?)
  {
    if element.isEmpty {
      _ = try next()
      return (nil, nil)
    }
    var schedule: VestingSchedule?
    var terms: VestingTerms?
    while let child = try child(of: element.name) {
      switch child.name {
      case "vesting" where schedule == nil && terms == nil:
        schedule = try self.schedule(child)
      case "vesting-terms" where terms == nil:
        terms = try vestingTerms(child, quantity: quantity)
      default:
        throw error(
          "unexpected <\(child.name)> in <\(element.name)> (expected at most one <vesting>, "
            + "then at most one <vesting-terms>)", line: child.line)
      }
    }
    return (schedule, terms)
  }
}
