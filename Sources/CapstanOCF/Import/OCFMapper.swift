import CapstanModel
import Foundation

/// Maps a decoded OCF package to an `OCFImportPlan`, validating every reference on the way.
///
/// OCF records the securities a transfer, cancellation, repurchase, exercise or conversion
/// creates as separate TX_STOCK_ISSUANCE items; Capstan's events create them themselves. Those
/// issuances are therefore absorbed into the transaction that creates them.
struct OCFMapper {
  typealias Tx = OCFTransaction
  typealias Item = (file: String, tx: Tx)

  let package: OCFPackage
  var warnings: [OCFWarning] = []
  var unmapped: [String: Int] = [:]
  var currencies: [String] = []

  var stakeholderOrder: [(file: String, value: OCFStakeholder)] = []
  var classOrder: [OCFStockClass] = []
  var planOrder: [(file: String, value: OCFStockPlan)] = []
  var terms: [String: (file: String, value: OCFVestingTerms)] = [:]
  var valuationOrder: [(file: String, value: OCFValuation)] = []
  var transactions: [Item] = []
  /// Stock issuances and option grants by security id, as positions in `transactions`
  /// (copying each into a table of its own cost more time and memory than the lookups).
  var stockIssuanceAt: [String: Int] = [:]
  var grantAt: [String: Int] = [:]
  /// Each class's splits, as positions in `transactions` in file order (an exercise's strike
  /// is split-adjusted by its class's splits alone, not by a walk over every transaction).
  var splitsAt: [String: [Int]] = [:]
  var convertibles: Set<String> = []
  var warrants: Set<String> = []
  /// Warrant issuances by security id, for their exercises.
  var warrantIssuances: [String: Tx.WarrantIssuance] = [:]
  var vestingStarts: [String: CalendarDate] = [:]
  /// Securities created by another transaction, by the id of the item that creates them.
  var derived: [String: String] = [:]
  /// When each security comes into being.
  var created: [String: CalendarDate] = [:]
  /// The first date a security is exercised, transferred or converted.
  var firstUse: [String: CalendarDate] = [:]
  /// The last date a transaction acts on each security.
  var lastTouch: [String: CalendarDate] = [:]
  /// Transactions moved after the last one on their security.
  var movedLate: Set<String> = []
  /// Each plan's class, for splits.
  var planClass: [String: String] = [:]
  var classIDs: Set<String> = []
  var stakeholderIDs: Set<String> = []
  var classFiles: [String: String] = [:]
  var planReserve: [String: Shares] = [:]
  var shapes: [String: OCFVestingShape] = [:]
  /// The vesting terms each issued security names.
  var securityTerms: [String: String] = [:]
  var reportedTerms: Set<String> = []

  /// The import's day: the date of a company or plan the package gives no date for.
  let importedOn: CalendarDate

  init(package: OCFPackage, importedOn: CalendarDate) {
    self.package = package
    self.importedOn = importedOn
  }

  var manifestName: String { "Manifest.ocf.json" }

  mutating func map() throws -> OCFImportPlan {
    for mismatch in package.checksumMismatches {
      warn(
        manifestName, mismatch.file,
        "md5 \(mismatch.computed) is not the \(mismatch.listed) the manifest lists: the file "
          + "is not the one the package was made with")
    }
    try index()
    let classes = try mapClasses()
    let plans = try mapPlans()
    let events = try buildEvents()
    let stakeholders = mapStakeholders()
    let valuations = try mapValuations()
    let earliest =
      ([events.first?.date] + plans.map(\.adopted)
      + classOrder.compactMap(\.boardApprovalDate?.value) + valuations.map(\.valuation.effective))
      .compactMap { $0 }.min()
    var incorporated = package.manifest.issuer.formationDate?.value ?? earliest ?? importedOn
    if let earliest, earliest < incorporated {
      warn(
        manifestName, package.manifest.issuer.id,
        "formation date \(incorporated) is after the first dated item (\(earliest)); "
          + "the company is recorded as incorporated on \(earliest)")
      incorporated = earliest
    }
    let distinct = Array(Set(currencies)).sorted()
    if distinct.count > 1 {
      warn(
        manifestName, package.manifest.issuer.id,
        "amounts in several currencies (\(distinct.joined(separator: ", "))); "
          + "all are kept as \(currencies[0])")
    }
    let currency = currencies.first.flatMap { Currency(code: $0) } ?? .usd
    return OCFImportPlan(
      companyName: package.manifest.issuer.legalName, currency: currency,
      incorporated: incorporated, stakeholders: stakeholders, classes: classes, plans: plans,
      events: events, warnings: warnings, unmapped: unmapped, valuations: valuations)
  }

  mutating func warn(_ file: String, _ item: String, _ message: String) {
    warnings.append(OCFWarning(file: file, item: item, message: message))
  }

  mutating func skip(_ type: String) { unmapped[type, default: 0] += 1 }

  // MARK: - Indexing

  mutating func index() throws {
    defer { settleCreationDates() }
    // Ids are unique per kind of object (transactions share one space).
    var seen: [String: Set<String>] = [:]
    var transactionIDs = Set<String>(
      minimumCapacity: package.files.reduce(0) { $0 + $1.items.count })
    reserve()
    for (file, items) in package.files {
      for object in items {
        let fresh: Bool
        if case .transaction(let tx) = object {
          fresh = transactionIDs.insert(tx.id).inserted
        } else {
          fresh = seen[object.objectType, default: []].insert(object.id).inserted
        }
        guard fresh else {
          throw OCFError.malformed(
            file: file, item: object.id, field: "id", expected: "a unique id (it is used twice)")
        }
        switch object {
        case .stakeholder(let s):
          stakeholderOrder.append((file, s))
          stakeholderIDs.insert(s.id)
        case .stockClass(let c):
          classOrder.append(c)
          classFiles[c.id] = file
          classIDs.insert(c.id)
        case .stockPlan(let p): planOrder.append((file, p))
        case .vestingTerms(let t): terms[t.id] = (file, t)
        case .valuation(let v):
          if let currency = v.pricePerShare?.currency { currencies.append(currency) }
          valuationOrder.append((file, v))
        case .transaction(let tx): try indexTransaction(tx, file: file)
        case .other(let type, _): skip(type)
        }
      }
    }
  }

  /// Sizes the tables by a first count of the items, so 190,000 ids are not rehashed each
  /// time a table doubles.
  mutating func reserve() {
    var issuances = 0
    var options = 0
    var total = 0
    for (_, items) in package.files {
      for case .transaction(let tx) in items {
        total += 1
        switch tx.kind {
        case .stockIssuance: issuances += 1
        case .equityCompensationIssuance: options += 1
        default: break
        }
      }
    }
    transactions.reserveCapacity(total)
    stockIssuanceAt.reserveCapacity(issuances)
    grantAt.reserveCapacity(options)
    created.reserveCapacity(issuances + options)
    lastTouch.reserveCapacity(issuances + options)
    firstUse.reserveCapacity(issuances + options)
    derived.reserveCapacity(issuances)
    vestingStarts.reserveCapacity(issuances + options)
    securityTerms.reserveCapacity(options)
  }

  mutating func indexTransaction(_ tx: Tx, file: String) throws {
    let item = (file, tx)
    transactions.append(item)
    func creates(_ ids: [String]) {
      for id in ids where !id.isEmpty {
        derived[id] = tx.id
        created[id] = min(created[id] ?? tx.date, tx.date)
      }
    }
    switch tx.kind {
    case .exercise(let m), .stockTransfer(let m), .reissuance(let m), .stockConversion(let m),
      .convertibleConversion(let m):
      lastTouch[m.securityId] = max(lastTouch[m.securityId] ?? tx.date, tx.date)
      firstUse[m.securityId] = min(firstUse[m.securityId] ?? tx.date, tx.date)
    case .cancellation(let m), .repurchase(let m), .retraction(let m):
      lastTouch[m.securityId] = max(lastTouch[m.securityId] ?? tx.date, tx.date)
    default: break
    }
    switch tx.kind {
    case .stockIssuance(let s):
      stockIssuanceAt[s.securityId] = transactions.count - 1
      if let terms = s.vestingTermsId, !terms.isEmpty { securityTerms[s.securityId] = terms }
      created[s.securityId] = min(created[s.securityId] ?? tx.date, tx.date)
      note(s.sharePrice)
    case .equityCompensationIssuance(let g):
      grantAt[g.securityId] = transactions.count - 1
      if let terms = g.vestingTermsId, !terms.isEmpty { securityTerms[g.securityId] = terms }
      created[g.securityId] = tx.date
      note(g.exercisePrice)
    case .convertibleIssuance(let c):
      convertibles.insert(c.securityId)
      created[c.securityId] = tx.date
      note(c.investmentAmount)
    case .warrantIssuance(let w):
      warrants.insert(w.securityId)
      warrantIssuances[w.securityId] = w
      created[w.securityId] = tx.date
      note(w.exercisePrice)
    case .exercise(let m), .reissuance(let m), .convertibleConversion(let m):
      creates(m.resultingSecurityIds ?? [])
    case .cancellation(let m), .repurchase(let m):
      creates(m.balance.map { [$0] } ?? [])
    case .stockTransfer(let m), .stockConversion(let m):
      creates((m.resultingSecurityIds ?? []) + (m.balance.map { [$0] } ?? []))
    case .vestingStart(let v):
      vestingStarts[v.securityId] = min(vestingStarts[v.securityId] ?? tx.date, tx.date)
    case .split(let change):
      splitsAt[change.stockClassId, default: []].append(transactions.count - 1)
    case .retraction, .authorizedSharesAdjustment, .poolAdjustment,
      .conversionRatioAdjustment, .vestingEvent,
      .vestingAcceleration, .other:
      break
    }
  }

  /// The stock issuance that creates a security.
  func stockIssuance(_ security: String) -> (item: Item, value: Tx.StockIssuance)? {
    guard let position = stockIssuanceAt[security],
      case .stockIssuance(let value) = transactions[position].tx.kind
    else { return nil }
    return (transactions[position], value)
  }

  /// The option grant that creates a security.
  func grant(_ security: String) -> (item: Item, value: Tx.EquityCompensationIssuance)? {
    grantAt[security].flatMap(grant(at:))
  }

  /// The option grant at a position in `transactions`.
  func grant(at position: Int) -> (item: Item, value: Tx.EquityCompensationIssuance)? {
    guard case .equityCompensationIssuance(let value) = transactions[position].tx.kind else {
      return nil
    }
    return (transactions[position], value)
  }

  /// An issuance dated after the security is first exercised, transferred or converted is
  /// taken to have happened then (dirty exports date it by the export).
  mutating func issueDate(_ item: Item, security: String) -> CalendarDate {
    guard let use = firstUse[security], use < item.tx.date else { return item.tx.date }
    warn(
      item.file, item.tx.id,
      "issued \(item.tx.date), after \(security) is first used (\(use)); recorded as issued \(use)")
    return use
  }

  /// Moves creation dates of securities used before they are issued (see `issueDate`).
  mutating func settleCreationDates() {
    for (security, use) in firstUse {
      if let issued = created[security], use < issued, derived[security] == nil {
        created[security] = use
      }
    }
  }

  mutating func note(_ money: OCFMonetary?) {
    if let money, currencies.isEmpty || currencies.last != money.currency {
      currencies.append(money.currency)
    }
  }
}
