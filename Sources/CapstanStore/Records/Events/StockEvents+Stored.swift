import CapstanModel
import Foundation

extension StockIssuance: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.security] = security.rawValue
    record[.holder] = holder.rawValue
    record[.shareClass] = shareClass.rawValue
    record[.quantity] = quantity.count
    record[.price] = memo.text(pricePerShare)
    record.setVesting(vesting, memo: &memo)
    record[.vestingTerms] = try vestingTerms.map(VestingTermsJSON.encode)
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    return StockIssuance(
      security: try row.security(.security), holder: Stakeholder.ID(try row.text(.holder)),
      shareClass: ShareClass.ID(try row.text(.shareClass)), quantity: try row.shares(.quantity),
      pricePerShare: try memo.price(row), vesting: try memo.vesting(row),
      vestingTerms: try row.vestingTerms())
  }
}

extension OptionGrant: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.security] = security.rawValue
    record[.holder] = holder.rawValue
    record[.plan] = plan.rawValue
    record[.quantity] = quantity.count
    record[.price] = memo.text(strike)
    record.setVesting(vesting, memo: &memo)
    record[.expires] = expires?.iso
    record[.vestingTerms] = try vestingTerms.map(VestingTermsJSON.encode)
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    return OptionGrant(
      security: try row.security(.security), holder: Stakeholder.ID(try row.text(.holder)),
      plan: StockPlan.ID(try row.text(.plan)), quantity: try row.shares(.quantity),
      strike: try memo.price(row), vesting: try memo.vesting(row),
      expires: try row.optionalDate(.expires), vestingTerms: try row.vestingTerms())
  }
}

extension Exercise: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.security] = grant.rawValue
    record[.quantity] = quantity.count
    record[.resultingSecurity] = resultingSecurity.rawValue
    if let issued = issuedStock {
      record[.holder] = issued.holder.rawValue
      record[.shareClass] = issued.shareClass.rawValue
      record[.newTotal] = issued.quantity.count
      record[.price] = memo.text(issued.pricePerShare)
    }
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    return Exercise(
      grant: try row.security(.security), quantity: try row.shares(.quantity),
      resultingSecurity: try row.security(.resultingSecurity),
      issuedStock: try row.optionalText(.holder) == nil
        ? nil
        : ExercisedStock(
          holder: Stakeholder.ID(try row.text(.holder)),
          shareClass: ShareClass.ID(try row.text(.shareClass)),
          quantity: try row.shares(.newTotal), pricePerShare: try memo.price(row)))
  }
}

extension Transfer: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.security] = security.rawValue
    record[.holder] = to.rawValue
    record[.quantity] = quantity.count
    record[.resultingSecurity] = resultingSecurity.rawValue
    record[.balanceSecurity] = balanceSecurity?.rawValue
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    return Transfer(
      security: try row.security(.security), to: Stakeholder.ID(try row.text(.holder)),
      quantity: try row.shares(.quantity),
      resultingSecurity: try row.security(.resultingSecurity),
      balanceSecurity: try row.optionalSecurity(.balanceSecurity))
  }
}

extension Cancellation: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.security] = security.rawValue
    record[.quantity] = quantity.count
    record[.balanceSecurity] = balanceSecurity?.rawValue
    record[.reason] = reason
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    return Cancellation(
      security: try row.security(.security), quantity: try row.shares(.quantity),
      balanceSecurity: try row.optionalSecurity(.balanceSecurity),
      reason: try row.optionalText(.reason))
  }
}

extension Repurchase: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.security] = security.rawValue
    record[.quantity] = quantity.count
    record[.price] = memo.text(pricePerShare)
    record[.balanceSecurity] = balanceSecurity?.rawValue
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    return Repurchase(
      security: try row.security(.security), quantity: try row.shares(.quantity),
      pricePerShare: try memo.price(row),
      balanceSecurity: try row.optionalSecurity(.balanceSecurity))
  }
}

extension StockSplit: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.shareClass] = shareClass.rawValue
    record[.ratio] = memo.text(ratio)
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    return StockSplit(
      shareClass: ShareClass.ID(try row.text(.shareClass)), ratio: try row.ratio(.ratio))
  }
}

extension SharesAuthorization: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.shareClass] = shareClass.rawValue
    record[.newTotal] = newTotal.count
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    return SharesAuthorization(
      shareClass: ShareClass.ID(try row.text(.shareClass)),
      newTotal: try row.shares(.newTotal))
  }
}

extension PoolIncrease: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.plan] = plan.rawValue
    record[.quantity] = quantity.count
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    return PoolIncrease(
      plan: StockPlan.ID(try row.text(.plan)), quantity: try row.shares(.quantity))
  }
}

extension StoredEventTable {
  /// The stored forms of the stock events, in this file.
  static let stockEvents: [Entry] = [
    .init(StockIssuance.self),
    .init(OptionGrant.self),
    .init(Exercise.self),
    .init(Transfer.self),
    .init(Cancellation.self),
    .init(Repurchase.self),
    .init(StockSplit.self),
    .init(SharesAuthorization.self),
    .init(PoolIncrease.self),
  ]
}
