import CapstanModel

extension OCFMapper {
  /// The ledger events of one OCF transaction, what they need first and what they create; nil
  /// for an item that maps to nothing (listed as not mapped).
  // swiftlint:disable:next cyclomatic_complexity function_body_length
  mutating func entry(for item: Item, index: Int) throws -> OCFPendingEntry? {
    let tx = item.tx
    func make(
      _ events: [LedgerEvent], date: CalendarDate? = nil, needs: [String] = [],
      creates: [String] = []
    ) -> OCFPendingEntry {
      OCFPendingEntry(
        index: index, date: date ?? tx.date, events: events, file: item.file, item: tx.id,
        needs: needs, creates: creates)
    }
    switch tx.kind {
    case .stockIssuance(let s):
      // Absorbed by the transaction that creates it.
      if derived[s.securityId] != nil { return nil }
      let quantity = try shares(s.quantity, item, "quantity")
      let vesting = vesting(
        s.vestingTermsId, security: s.securityId, quantity: quantity, issued: tx.date, item,
        vestings: s.vestings)
      var event = StockIssuance(
        security: SecurityID(s.securityId), holder: try stakeholder(s.stakeholderId, item),
        shareClass: try shareClass(s.stockClassId, item), quantity: quantity,
        pricePerShare: s.sharePrice?.amount.value ?? .zero, vesting: vesting.plain,
        vestingTerms: vesting.terms)
      event.customID = customID(s.customId, s.securityId)
      return make(
        [.issueStock(event)], date: issueDate(item, security: s.securityId), creates: [s.securityId]
      )

    case .equityCompensationIssuance(let g):
      let type = g.compensationType ?? "OPTION"
      if !type.hasPrefix("OPTION") {
        warn(
          item.file, tx.id,
          "\(type) recorded as an option grant (strike \(g.exercisePrice?.amount.value.decimalString(places: 4) ?? "0"))"
        )
      }
      let quantity = try shares(g.quantity, item, "quantity")
      let vesting = vesting(
        g.vestingTermsId, security: g.securityId, quantity: quantity, issued: tx.date, item,
        vestings: g.vestings)
      var grant = OptionGrant(
        security: SecurityID(g.securityId), holder: try stakeholder(g.stakeholderId, item),
        plan: StockPlan.ID(g.stockPlanId ?? OCFMapper.noPlan), quantity: quantity,
        strike: g.exercisePrice?.amount.value ?? .zero, vesting: vesting.plain,
        expires: g.expirationDate?.value, vestingTerms: vesting.terms)
      grant.customID = customID(g.customId, g.securityId)
      return make(
        [.grantOptions(grant)], date: issueDate(item, security: g.securityId),
        creates: [g.securityId])

    case .convertibleIssuance(let c):
      return try convertible(c, item: item, make: make)

    case .warrantIssuance(let w):
      let classID =
        w.stockClassId
        ?? w.exerciseTriggers?.compactMap { $0.conversionRight?.convertsToStockClassId }.first
      guard let classID, let quantity = w.quantity else {
        skip(tx.objectType)
        warn(
          item.file, tx.id,
          "warrant not mapped: it names no \(classID == nil ? "stock class" : "quantity") to buy")
        return nil
      }
      var warrant = WarrantIssuance(
        security: SecurityID(w.securityId), holder: try stakeholder(w.stakeholderId, item),
        shareClass: try shareClass(classID, item, "converts_to_stock_class_id"),
        quantity: try shares(quantity, item, "quantity"),
        strike: w.exercisePrice?.amount.value ?? .zero, expires: w.warrantExpirationDate?.value)
      warrant.customID = customID(w.customId, w.securityId)
      return make([.issueWarrant(warrant)], creates: [w.securityId])

    case .exercise(let m) where warrants.contains(m.securityId):
      return try warrantExercise(m, item: item, make: make)

    case .exercise(let m):
      let results = m.resultingSecurityIds ?? []
      guard let resulting = results.first else {
        throw OCFError.malformed(
          file: item.file, item: tx.id, field: "resulting_security_ids",
          expected: "the stock issued")
      }
      if results.count > 1 {
        warn(
          item.file, tx.id, "several resulting securities; the exercise is recorded as \(resulting)"
        )
      }
      guard grantAt[m.securityId] != nil else {
        throw OCFError.unknownReference(
          file: item.file, item: tx.id, field: "security_id", id: m.securityId)
      }
      var event = Exercise(
        grant: SecurityID(m.securityId), quantity: try shares(m.quantity, item, "quantity"),
        resultingSecurity: SecurityID(resulting))
      event.issuedStock = try exerciseResult(event, item: item)
      event.customID = stockIssuance(resulting).flatMap { customID($0.value.customId, resulting) }
      let date = date(of: item, source: m.securityId)
      resultsDatedEarlier([resulting], item: item, on: date)
      return make([.exercise(event)], date: date, needs: [m.securityId], creates: results)

    case .stockTransfer(let m):
      return try transfer(m, item: item, make: make)

    case .cancellation(let m):
      let source = m.securityId
      let quantity: Shares =
        convertibles.contains(source) ? Shares(1) : try shares(m.quantity, item, "quantity")
      var balance = m.balance
      if balance != nil && (grantAt[source] != nil || warrants.contains(source)) {
        warn(
          item.file, tx.id,
          "balance security of an option or warrant cancellation ignored (reduced in place)")
        balance = nil
      }
      var event = Cancellation(
        security: SecurityID(source), quantity: quantity,
        balanceSecurity: balance.map { SecurityID($0) },
        reason: m.reasonText)
      event.balanceCustomID = balanceCustomID(balance)
      return make(
        [.cancel(event)], date: date(of: item, source: source), needs: [source],
        creates: balance.map { [$0] } ?? [])

    case .repurchase(let m):
      var event = Repurchase(
        security: SecurityID(m.securityId), quantity: try shares(m.quantity, item, "quantity"),
        pricePerShare: m.price?.amount.value ?? .zero,
        balanceSecurity: m.balance.map { SecurityID($0) })
      event.balanceCustomID = balanceCustomID(m.balance)
      return make(
        [.repurchase(event)], date: date(of: item, source: m.securityId), needs: [m.securityId],
        creates: m.balance.map { [$0] } ?? [])

    case .reissuance(let m):
      // Closes the security and issues the resulting ones: a full cancellation, then issuances.
      let results = try (m.resultingSecurityIds ?? []).map { try issuance($0, item) }
      var total = Shares.zero
      for result in results { total += try shares(result.value.quantity, result.item, "quantity") }
      guard total > .zero else {
        throw OCFError.malformed(
          file: item.file, item: tx.id, field: "resulting_security_ids",
          expected: "the securities issued")
      }
      let day = date(of: item, source: m.securityId)
      var events: [LedgerEvent] = [
        .cancel(
          Cancellation(
            security: SecurityID(m.securityId), quantity: total, balanceSecurity: nil,
            reason: "reissued" + (m.reasonText.map { ": \($0)" } ?? "")))
      ]
      events += try results.map { try .issueStock(absorbedIssuance($0)) }
      return make(
        events, date: day, needs: [m.securityId], creates: results.map(\.value.securityId))

    case .stockConversion(let m):
      let results = try (m.resultingSecurityIds ?? []).map { try issuance($0, item) }
      let day = date(of: item, source: m.securityId)
      var converted = Cancellation(
        security: SecurityID(m.securityId),
        quantity: try shares(m.quantityConverted ?? m.quantity, item, "quantity_converted"),
        balanceSecurity: m.balance.map { SecurityID($0) }, reason: "converted")
      converted.balanceCustomID = balanceCustomID(m.balance)
      var events: [LedgerEvent] = [.cancel(converted)]
      events += try results.map { try .issueStock(absorbedIssuance($0)) }
      warn(
        item.file, tx.id,
        "stock conversion recorded as a cancellation and the issuance of the resulting stock")
      return make(
        events, date: day, needs: [m.securityId],
        creates: results.map(\.value.securityId) + (m.balance.map { [$0] } ?? []))

    case .retraction(let m):
      let quantity: Shares
      if let stock = stockIssuance(m.securityId) {
        quantity = try shares(stock.value.quantity, stock.item, "quantity")
      } else if let grant = grant(m.securityId) {
        quantity = try shares(grant.value.quantity, grant.item, "quantity")
      } else {
        throw OCFError.unknownReference(
          file: item.file, item: tx.id, field: "security_id", id: m.securityId)
      }
      let event = Cancellation(
        security: SecurityID(m.securityId), quantity: quantity, balanceSecurity: nil,
        reason: "retracted" + (m.reasonText.map { ": \($0)" } ?? ""))
      return make(
        [.cancel(event)], date: date(of: item, source: m.securityId), needs: [m.securityId])

    case .convertibleConversion(let m):
      let missing = (m.resultingSecurityIds ?? []).filter { stockIssuanceAt[$0] == nil }
      if !missing.isEmpty {
        // A dirty export: the stock it converted into is not in the package.
        warn(
          item.file, tx.id,
          "the stock it converted into (\(missing.joined(separator: ", "))) is not in the package; "
            + "\(m.securityId) is closed without issuing stock")
        skip(tx.objectType + " (resulting stock missing)")
        let close = Cancellation(
          security: SecurityID(m.securityId), quantity: Shares(1), balanceSecurity: nil,
          reason: "converted; resulting stock not in the OCF package")
        return make(
          [.cancel(close)], date: date(of: item, source: m.securityId), needs: [m.securityId])
      }
      let results = try (m.resultingSecurityIds ?? []).map { try issuance($0, item) }
      guard let first = results.first else {
        throw OCFError.malformed(
          file: item.file, item: tx.id, field: "resulting_security_ids",
          expected: "the stock issued")
      }
      let stock = try absorbedIssuance(first)
      var price = stock.pricePerShare
      if !(price > .zero) {
        skip(tx.objectType + " (price)")
        throw OCFError.unsupported(
          file: first.item.file, item: first.item.tx.id,
          reason:
            "the stock issued on conversion of \(m.securityId) has no share_price; expected a positive price"
        )
      }
      price = stock.pricePerShare
      var conversion = Conversion(
        security: SecurityID(m.securityId), resultingSecurity: stock.security,
        shareClass: stock.shareClass, quantity: stock.quantity, pricePerShare: price)
      conversion.customID = stock.customID
      var events: [LedgerEvent] = [.convert(conversion)]
      events += try results.dropFirst().map { try .issueStock(absorbedIssuance($0)) }
      return make(
        events, date: date(of: item, source: m.securityId), needs: [m.securityId],
        creates: results.map(\.value.securityId))

    case .split(let change):
      guard let ratio = change.splitRatio, !ratio.denominator.value.isZero,
        ratio.numerator.value > .zero
      else {
        throw OCFError.malformed(
          file: item.file, item: tx.id, field: "split_ratio", expected: "a positive ratio")
      }
      let event = StockSplit(
        shareClass: try shareClass(change.stockClassId, item),
        ratio: ratio.numerator.value / ratio.denominator.value)
      // Pools split with their class, so a later TX_STOCK_PLAN_POOL_ADJUSTMENT's total is in
      // the new units.
      for (plan, shareClass) in planClass where shareClass == change.stockClassId {
        if let reserve = planReserve[plan] {
          planReserve[plan] = Shares(Int64(clamping: (Ratio(reserve.count) * event.ratio).floor))
        }
      }
      return make([.split(event)])

    case .authorizedSharesAdjustment(let change):
      guard let total = change.newSharesAuthorized?.shares, total >= .zero else {
        throw OCFError.malformed(
          file: item.file, item: tx.id, field: "new_shares_authorized",
          expected: "a whole number of shares")
      }
      let event = SharesAuthorization(
        shareClass: try shareClass(change.stockClassId, item), newTotal: total)
      return make([.authorizeShares(event)])

    case .poolAdjustment(let change):
      guard let current = planReserve[change.stockPlanId] else {
        throw OCFError.unknownReference(
          file: item.file, item: tx.id, field: "stock_plan_id", id: change.stockPlanId)
      }
      guard let total = change.sharesReserved.shares else {
        throw OCFError.malformed(
          file: item.file, item: tx.id, field: "shares_reserved",
          expected: "a whole number of shares")
      }
      planReserve[change.stockPlanId] = total
      guard total > current else {
        skip(tx.objectType + " (decrease)")
        warn(item.file, tx.id, "pool set to \(total) from \(current): only increases are recorded")
        return nil
      }
      return make([
        .increasePool(
          PoolIncrease(plan: StockPlan.ID(change.stockPlanId), quantity: total - current))
      ])

    case .conversionRatioAdjustment(let change):
      guard let event = try conversionPriceChange(change, item: item) else { return nil }
      return make([.adjustConversionPrice(event)])

    case .vestingStart:
      // Read while indexing: it sets the start of the security's schedule.
      return nil

    case .vestingEvent(let v):
      guard let event = try vestingEvent(v, item: item) else { return nil }
      return make([event], needs: [v.securityId])

    case .vestingAcceleration(let v):
      guard let event = try vestingAcceleration(v, item: item) else { return nil }
      return make([event], needs: [v.securityId])

    case .other:
      skip(tx.objectType)
      return nil
    }
  }
}
