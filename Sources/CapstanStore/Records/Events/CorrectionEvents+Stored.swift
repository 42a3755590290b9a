import CapstanModel
import Foundation

extension TransactionRecord {
  /// The columns of a void (the voided sequence in `quantity`, the reason in `reason`) or of a
  /// class amendment (the class in `class_id`, the new terms as JSON in `extra`).
  mutating func setCorrection(_ event: LedgerEvent) throws {
    switch event {
    case .void(let voiding):
      self[.quantity] = voiding.transaction
      self[.reason] = voiding.reason
    case .amendClass(let amendment):
      self[.shareClass] = amendment.shareClass.rawValue
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      self[.extra] = String(decoding: try encoder.encode(amendment), as: UTF8.self)
    case .amendPlan(let amendment):
      self[.plan] = amendment.plan.rawValue
      self[.reason] = amendment.cancellationBehavior?.rawValue
      self[.expires] = amendment.adopted?.iso
    case .mergeHolders(let merge):
      self[.holder] = merge.from.rawValue
      self[.reason] = merge.into.rawValue
    default:
      return
    }
  }
}

extension LedgerEvent {
  /// A void from its row.
  init(voidRow row: StoredRow) throws(StoreError) {
    self = .void(
      Voiding(
        transaction: try row.int(TransactionColumn.quantity.rawValue),
        reason: try row.text(TransactionColumn.reason.rawValue)))
  }

  /// A merge of holders from its row (`holder_id` merged into the holder named in `reason`).
  init(mergeRow row: StoredRow) throws(StoreError) {
    self = .mergeHolders(
      HolderMerge(
        from: Stakeholder.ID(try row.text(TransactionColumn.holder.rawValue)),
        into: Stakeholder.ID(try row.text(TransactionColumn.reason.rawValue))))
  }

  /// A plan amendment from its row (the cancellation behaviour in `reason`, the new adoption
  /// date in `expires`; either may be NULL, not both).
  init(planAmendmentRow row: StoredRow) throws(StoreError) {
    var behavior: StockPlan.CancellationBehavior?
    if let text = try row.optionalText(TransactionColumn.reason.rawValue) {
      guard let known = StockPlan.CancellationBehavior(rawValue: text) else {
        throw row.failure(
          "has plan cancellation behaviour '\(text)', not return-to-pool or retire")
      }
      behavior = known
    }
    let amendment = PlanAmendment(
      plan: StockPlan.ID(try row.text(TransactionColumn.plan.rawValue)),
      cancellationBehavior: behavior,
      adopted: try row.optionalDate(TransactionColumn.expires.rawValue))
    guard !amendment.isEmpty else {
      throw row.failure("is a plan amendment with neither a cancellation behaviour nor a date")
    }
    self = .amendPlan(amendment)
  }

  /// A class amendment from its row's JSON.
  init(amendmentRow row: StoredRow) throws(StoreError) {
    let text = try row.text(TransactionColumn.extra.rawValue)
    do {
      self = .amendClass(try JSONDecoder().decode(ClassAmendment.self, from: Data(text.utf8)))
    } catch {
      throw row.failure("has a class amendment that cannot be read: \(text)")
    }
  }
}
