import CapstanModel

/// Events of one OCF transaction, with what they need to exist first and what they create.
struct OCFPendingEntry {
  var index: Int
  var date: CalendarDate
  var events: [LedgerEvent]
  var file: String
  var item: String
  var needs: [String]
  var creates: [String]
}

extension OCFMapper {
  // MARK: - Values

  /// An OCF `custom_id` kept on the security, unless absent, blank or its `security_id` (as
  /// Capstan's own export writes it).
  func customID(_ customID: String?, _ securityID: String) -> String? {
    guard let customID, customID.contains(where: { !$0.isWhitespace }), customID != securityID
    else { return nil }
    return customID
  }

  /// The `custom_id` of a balance security, read from its TX_STOCK_ISSUANCE (nil when the
  /// package has none, or the id is blank or the security id).
  func balanceCustomID(_ balance: String?) -> String? {
    guard let balance, let issued = stockIssuance(balance) else { return nil }
    return customID(issued.value.customId, balance)
  }

  func shares(_ number: OCFNumeric?, _ item: Item, _ field: String) throws -> Shares {
    guard let number else {
      throw OCFError.malformed(
        file: item.file, item: item.tx.id, field: field, expected: "a quantity")
    }
    guard let shares = number.shares, shares > .zero else {
      throw OCFError.malformed(
        file: item.file, item: item.tx.id, field: field,
        expected:
          "a positive whole number of shares, found \(number.value.decimalString(places: 10))")
    }
    return shares
  }

  func stakeholder(_ id: String, _ item: Item, _ field: String = "stakeholder_id") throws
    -> Stakeholder.ID
  {
    guard stakeholderIDs.contains(id) else {
      throw OCFError.unknownReference(file: item.file, item: item.tx.id, field: field, id: id)
    }
    return Stakeholder.ID(id)
  }

  func shareClass(_ id: String?, _ item: Item, _ field: String = "stock_class_id") throws
    -> ShareClass.ID
  {
    guard let id, classIDs.contains(id) else {
      throw OCFError.unknownReference(file: item.file, item: item.tx.id, field: field, id: id ?? "")
    }
    return ShareClass.ID(id)
  }

  func issuance(_ id: String, _ item: Item) throws -> (item: Item, value: Tx.StockIssuance) {
    guard let found = stockIssuance(id) else {
      throw OCFError.unknownReference(
        file: item.file, item: item.tx.id, field: "resulting_security_ids", id: id)
    }
    return found
  }

  // MARK: - Transactions

  mutating func buildEvents() throws -> [OCFImportPlan.Entry] {
    var pending: [OCFPendingEntry] = []
    pending.reserveCapacity(transactions.count)
    for (index, item) in transactions.enumerated() {
      if var entry = try entry(for: item, index: index) {
        if movedLate.contains(entry.item) { entry.index += 1 << 40 }
        // On one date, a removal waits for the exercises and transfers of the same security
        // (a leaver exercises what vested, then forfeits the rest); otherwise file order.
        switch item.tx.kind {
        case .cancellation(let m), .repurchase(let m), .retraction(let m):
          entry.needs.append("used:" + m.securityId)
        case .exercise(let m), .stockTransfer(let m):
          entry.creates.append("used:" + m.securityId)
        default: break
        }
        pending.append(entry)
      }
    }
    return reconcile(OCFMapper.order(pending))
  }

  /// Repairs what dirty exports do (DESIGN.md): a removal of more than is left is capped at
  /// what is left, and a removal of a security already closed (a certificate cancelled, then
  /// repurchased) is dropped, each with a warning. Never a negative holding.
  mutating func reconcile(_ entries: [OCFImportPlan.Entry]) -> [OCFImportPlan.Entry] {
    var left: [SecurityID: Shares] = [:]
    var classOf: [SecurityID: String] = [:]
    var closed: Set<SecurityID> = []
    var grantPlan: [SecurityID: String] = [:]
    var out: [OCFImportPlan.Entry] = []
    out.reserveCapacity(entries.count)
    left.reserveCapacity(entries.count)
    classOf.reserveCapacity(entries.count)
    grantPlan.reserveCapacity(grantAt.count)
    func open(_ id: SecurityID, _ quantity: Shares, _ shareClass: String) {
      left[id] = quantity
      classOf[id] = shareClass
    }
    for var entry in entries {
      if let g = entry.event.payload(as: OptionGrant.self) {
        left[g.security] = g.quantity
        grantPlan[g.security] = g.plan.rawValue
        classOf[g.security] = planClass[g.plan.rawValue]
      } else if let i = entry.event.payload(as: StockIssuance.self) {
        open(i.security, i.quantity, i.shareClass.rawValue)
      } else if let w = entry.event.payload(as: WarrantIssuance.self) {
        classOf[w.security] = w.shareClass.rawValue
      } else if let e = entry.event.payload(as: Exercise.self) {
        // Warrants are not tracked here (their removals are checked by the ledger).
        if let held = left[e.grant] { left[e.grant] = held - e.quantity }
        if let issued = e.issuedStock {
          open(e.resultingSecurity, issued.quantity, issued.shareClass.rawValue)
        } else {
          open(e.resultingSecurity, e.quantity, classOf[e.grant] ?? "")
        }
      } else if let c = entry.event.payload(as: Conversion.self) {
        open(c.resultingSecurity, c.quantity, c.shareClass.rawValue)
      } else if let split = entry.event.payload(as: StockSplit.self) {
        for (id, shareClass) in classOf where shareClass == split.shareClass.rawValue {
          if let quantity = left[id] {
            left[id] = Shares(Int64(clamping: (Ratio(quantity.count) * split.ratio).floor))
          }
        }
      } else if let t = entry.event.payload(as: Transfer.self) {
        guard removable(&entry, t.security, t.quantity, closed: closed, left: left) else {
          continue
        }
        let held = left[t.security] ?? t.quantity
        let shareClass = classOf[t.security] ?? ""
        if let fixed = entry.event.payload(as: Transfer.self) {
          open(fixed.resultingSecurity, fixed.quantity, shareClass)
          if let balance = fixed.balanceSecurity {
            open(balance, held - fixed.quantity, shareClass)
          }
        }
        left[t.security] = nil
        closed.insert(t.security)
      } else if let c = entry.event.payload(as: Cancellation.self) {
        guard removable(&entry, c.security, c.quantity, closed: closed, left: left) else {
          continue
        }
        if let fixed = entry.event.payload(as: Cancellation.self), let held = left[c.security] {
          if grantPlan[c.security] != nil {
            left[c.security] = held - fixed.quantity
            if held == fixed.quantity { closed.insert(c.security) }
          } else {
            if let balance = fixed.balanceSecurity {
              open(balance, held - fixed.quantity, classOf[c.security] ?? "")
            }
            left[c.security] = nil
            closed.insert(c.security)
          }
        }
      } else if let r = entry.event.payload(as: Repurchase.self) {
        guard removable(&entry, r.security, r.quantity, closed: closed, left: left) else {
          continue
        }
        if let fixed = entry.event.payload(as: Repurchase.self), let held = left[r.security],
          let balance = fixed.balanceSecurity
        {
          open(balance, held - fixed.quantity, classOf[r.security] ?? "")
        }
        left[r.security] = nil
        closed.insert(r.security)
      }
      out.append(entry)
    }
    return out
  }

  /// Whether a removal can stay: false (and a warning) when its security is already closed;
  /// its quantity is capped at what is left.
  mutating func removable(
    _ entry: inout OCFImportPlan.Entry, _ security: SecurityID, _ quantity: Shares,
    closed: Set<SecurityID>, left: [SecurityID: Shares]
  ) -> Bool {
    let remaining = left[security]
    if closed.contains(security) || remaining.map({ $0 <= .zero }) == true {
      warn(entry.file, entry.item, "\(security) has nothing left (removed before); ignored")
      skip("removal of a closed security")
      return false
    }
    guard let remaining, quantity > remaining else { return true }
    warn(
      entry.file, entry.item,
      "removes \(quantity) of \(security) but only \(remaining) are left; recorded as \(remaining)")
    if var c = entry.event.payload(as: Cancellation.self) {
      c.quantity = remaining
      entry.event = c.ledgerEvent
    } else if var r = entry.event.payload(as: Repurchase.self) {
      r.quantity = remaining
      entry.event = r.ledgerEvent
    } else if var t = entry.event.payload(as: Transfer.self) {
      t.quantity = remaining
      entry.event = t.ledgerEvent
    }
    return true
  }

  /// A removal dated before its security exists is moved after the last transaction on that
  /// security (dirty exports date a lapse by a placeholder).
  mutating func date(of item: Item, source: String) -> CalendarDate {
    if let origin = created[source], item.tx.date < origin {
      let moved = max(origin, lastTouch[source] ?? origin)
      movedLate.insert(item.tx.id)
      warn(
        item.file, item.tx.id,
        "dated \(item.tx.date), before \(source) exists (\(origin)); recorded on \(moved)")
      return moved
    }
    return item.tx.date
  }

  /// A stock issuance created by another transaction, issued as part of it.
  mutating func absorbedIssuance(_ found: (item: Item, value: Tx.StockIssuance)) throws
    -> StockIssuance
  {
    let s = found.value
    let quantity = try shares(s.quantity, found.item, "quantity")
    let vesting = vesting(
      s.vestingTermsId, security: s.securityId, quantity: quantity, issued: found.item.tx.date,
      found.item, vestings: s.vestings)
    var issuance = StockIssuance(
      security: SecurityID(s.securityId), holder: try stakeholder(s.stakeholderId, found.item),
      shareClass: try shareClass(s.stockClassId, found.item), quantity: quantity,
      pricePerShare: s.sharePrice?.amount.value ?? .zero, vesting: vesting.plain,
      vestingTerms: vesting.terms)
    issuance.customID = customID(s.customId, s.securityId)
    return issuance
  }

  mutating func transfer(
    _ m: Tx.Movement, item: Item,
    make: ([LedgerEvent], CalendarDate?, [String], [String]) -> OCFPendingEntry
  ) throws -> OCFPendingEntry {
    let results = try (m.resultingSecurityIds ?? []).map { try issuance($0, item) }
    guard !results.isEmpty else {
      throw OCFError.malformed(
        file: item.file, item: item.tx.id, field: "resulting_security_ids",
        expected: "the transferee's security")
    }
    let total = try shares(m.quantity, item, "quantity")
    var events: [LedgerEvent] = []
    var current = m.securityId
    var moved = Shares.zero
    for (offset, result) in results.enumerated() {
      let isLast = offset == results.count - 1
      let quantity =
        results.count == 1 ? total : try shares(result.value.quantity, result.item, "quantity")
      moved += quantity
      let balance = isLast ? m.balance : "\(m.securityId)~\(offset + 1)"
      var event = Transfer(
        security: SecurityID(current),
        to: try stakeholder(result.value.stakeholderId, result.item),
        quantity: quantity, resultingSecurity: SecurityID(result.value.securityId),
        balanceSecurity: balance.map { SecurityID($0) })
      event.resultingCustomID = customID(result.value.customId, result.value.securityId)
      event.balanceCustomID = balanceCustomID(isLast ? m.balance : nil)
      events.append(.transfer(event))
      if let balance { current = balance }
    }
    if moved != total {
      warn(
        item.file, item.tx.id,
        "quantity \(total) but the resulting securities hold \(moved); used theirs")
    }
    let date = date(of: item, source: m.securityId)
    let created = results.map(\.value.securityId) + (m.balance.map { [$0] } ?? [])
    resultsDatedEarlier(created, item: item, on: date)
    return make(events, date, [m.securityId], created)
  }

  mutating func convertible(
    _ c: Tx.ConvertibleIssuance, item: Item,
    make: ([LedgerEvent], CalendarDate?, [String], [String]) -> OCFPendingEntry
  ) throws -> OCFPendingEntry? {
    let mechanisms = (c.conversionTriggers ?? []).compactMap {
      $0.conversionRight?.conversionMechanism
    }
    let holder = try stakeholder(c.stakeholderId, item)
    let amount = c.investmentAmount.amount.value
    switch c.convertibleType {
    case "SAFE":
      let m = mechanisms.first { $0.type == "SAFE_CONVERSION" }
      if m == nil {
        warn(item.file, item.tx.id, "SAFE without a SAFE_CONVERSION mechanism: no cap, no discount")
      }
      let safe = SAFEIssuance(
        security: SecurityID(c.securityId), holder: holder, purchaseAmount: amount,
        kind: m?.conversionTiming == "PRE_MONEY" ? .preMoney : .postMoney,
        valuationCap: m?.conversionValuationCap?.amount.value,
        discount: m?.conversionDiscount?.value,
        mostFavoredNation: m?.conversionMfn ?? false, proRata: c.proRata != nil)
      return make(
        [LedgerEvent.issueSAFE(safe).withCustomID(customID(c.customId, c.securityId))], nil, [],
        [c.securityId])
    case "NOTE":
      let m = mechanisms.first {
        $0.type == "CONVERTIBLE_NOTE_CONVERSION" || $0.type == "NOTE_CONVERSION"
      }
      if m == nil {
        warn(item.file, item.tx.id, "note without a note conversion mechanism: 0 % interest")
      }
      if let period = m?.interestAccrualPeriod, m?.compoundingType == "COMPOUNDING",
        period != "ANNUAL"
      {
        warn(item.file, item.tx.id, "interest compounding \(period) recorded as annual")
      }
      let note = NoteIssuance(
        security: SecurityID(c.securityId), holder: holder, principal: amount,
        rate: m?.interestRates?.first?.rate.value ?? .zero,
        compounding: m?.compoundingType == "COMPOUNDING" ? .annual : .simple,
        dayCount: m?.dayCountConvention == "30_360" ? .thirty360 : .actual365,
        valuationCap: m?.conversionValuationCap?.amount.value,
        discount: m?.conversionDiscount?.value,
        capBasis: OCFCapBasis.read(m?.capitalizationDefinition) ?? .preMoneyFullyDiluted)
      return make(
        [LedgerEvent.issueNote(note).withCustomID(customID(c.customId, c.securityId))], nil, [],
        [c.securityId])
    default:
      skip("TX_CONVERTIBLE_ISSUANCE (\(c.convertibleType))")
      warn(item.file, item.tx.id, "convertible type \(c.convertibleType) not mapped")
      return nil
    }
  }

  /// Replay order: by date, then file order, except that a transaction waits for the
  /// transaction of the same date that creates the security it acts on.
  static func order(_ pending: [OCFPendingEntry]) -> [OCFImportPlan.Entry] {
    // Sorted by position, so the entries themselves (arrays and strings) are not copied.
    let sorted = pending.indices.sorted {
      (pending[$0].date, pending[$0].index) < (pending[$1].date, pending[$1].index)
    }
    var out: [OCFImportPlan.Entry] = []
    out.reserveCapacity(sorted.count)
    var created: Set<String> = []
    created.reserveCapacity(sorted.count * 2)
    var start = sorted.startIndex
    func emit(_ position: Int) {
      for event in pending[position].events {
        out.append(
          OCFImportPlan.Entry(
            date: pending[position].date, event: event, file: pending[position].file,
            item: pending[position].item))
      }
      created.formUnion(pending[position].creates)
    }
    while start < sorted.endIndex {
      let day = pending[sorted[start]].date
      var end = start
      while end < sorted.endIndex, pending[sorted[end]].date == day { end += 1 }
      let group = sorted[start..<end]
      // Everything created on this day, so only waits for a same-day creation.
      var today: Set<String> = []
      for position in group { today.formUnion(pending[position].creates) }
      func ready(_ position: Int) -> Bool {
        pending[position].needs.allSatisfy { created.contains($0) || !today.contains($0) }
      }
      var waiting: [Int] = []
      for position in group {
        if ready(position) {
          emit(position)
          var progressed = true
          while progressed && !waiting.isEmpty {
            progressed = false
            if let next = waiting.firstIndex(where: ready) {
              emit(waiting.remove(at: next))
              progressed = true
            }
          }
        } else {
          waiting.append(position)
        }
      }
      waiting.forEach(emit)
      start = end
    }
    return out
  }
}
