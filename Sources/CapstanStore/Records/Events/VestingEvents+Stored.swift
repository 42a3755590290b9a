import CapstanModel
import Foundation

extension ChangeOfControl: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.reason] = note
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    return ChangeOfControl(note: try row.optionalText(.reason))
  }
}

extension Termination: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.holder] = holder.rawValue
    record[.security] = security?.rawValue
    record[.reason] = withoutCause ? "without-cause" : "other"
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    let cause = try row.text(.reason)
    guard cause == "without-cause" || cause == "other" else {
      throw row.failure("has termination cause '\(cause)', not without-cause or other")
    }
    return Termination(
      holder: Stakeholder.ID(try row.text(.holder)),
      security: try row.optionalSecurity(.security), withoutCause: cause == "without-cause")
  }
}

extension MilestoneAchievement: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.reason] = name
    record[.holder] = holder?.rawValue
    record[.security] = security?.rawValue
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    return MilestoneAchievement(
      name: try row.text(.reason),
      holder: try row.optionalText(.holder).map { Stakeholder.ID($0) },
      security: try row.optionalSecurity(.security))
  }
}

extension AcceleratedVesting: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.security] = security.rawValue
    record[.quantity] = quantity.count
    record[.reason] = reason
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    return AcceleratedVesting(
      security: try row.security(.security), quantity: try row.shares(.quantity),
      reason: try row.optionalText(.reason))
  }
}

extension StoredEventTable {
  /// The stored forms of the vesting events, in this file.
  static let vestingEvents: [Entry] = [
    .init(ChangeOfControl.self),
    .init(Termination.self),
    .init(MilestoneAchievement.self),
    .init(AcceleratedVesting.self),
  ]
}
