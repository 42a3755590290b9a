import CapstanModel
import Foundation

/// A void: the voided sequence in `quantity`, the reason in `reason`.
extension Voiding: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.quantity] = transaction
    record[.reason] = reason
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    Voiding(transaction: try row.int(.quantity), reason: try row.text(.reason))
  }
}

/// A class amendment: the class in `class_id`, the new terms as JSON in `extra`.
extension ClassAmendment: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.shareClass] = shareClass.rawValue
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    record[.extra] = String(decoding: try encoder.encode(self), as: UTF8.self)
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    let text = try row.text(.extra)
    do {
      return try JSONDecoder().decode(ClassAmendment.self, from: Data(text.utf8))
    } catch {
      throw row.failure("has a class amendment that cannot be read: \(text)")
    }
  }
}

/// A merge of holders: `holder_id` merged into the holder named in `reason`.
extension HolderMerge: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.holder] = from.rawValue
    record[.reason] = into.rawValue
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    HolderMerge(
      from: Stakeholder.ID(try row.text(.holder)), into: Stakeholder.ID(try row.text(.reason)))
  }
}

/// A plan amendment: the cancellation behaviour in `reason`, the new adoption date in
/// `expires`; either may be NULL, not both.
extension PlanAmendment: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.plan] = plan.rawValue
    record[.reason] = cancellationBehavior?.rawValue
    record[.expires] = adopted?.iso
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    var behavior: StockPlan.CancellationBehavior?
    if let text = try row.optionalText(.reason) {
      guard let known = StockPlan.CancellationBehavior(rawValue: text) else {
        throw row.failure(
          "has plan cancellation behaviour '\(text)', not return-to-pool or retire")
      }
      behavior = known
    }
    let amendment = PlanAmendment(
      plan: StockPlan.ID(try row.text(.plan)), cancellationBehavior: behavior,
      adopted: try row.optionalDate(.expires))
    guard !amendment.isEmpty else {
      throw row.failure("is a plan amendment with neither a cancellation behaviour nor a date")
    }
    return amendment
  }
}

extension StoredEventTable {
  /// The stored forms of the corrections, in this file.
  static let correctionEvents: [Entry] = [
    .init(Voiding.self),
    .init(ClassAmendment.self),
    .init(HolderMerge.self),
    .init(PlanAmendment.self),
  ]
}
