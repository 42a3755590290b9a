import CapstanModel
import Foundation
import GRDB

/// The columns of `transactions` after `company_id`, in the order they are read and written.
///
/// Each event kind fills the typed columns its payload needs and leaves the others NULL;
/// `extra` (JSON) is kept free for event kinds to come. An exercise whose stock is recorded
/// (`Exercise.issuedStock`) keeps that stock's holder, class and price in `holder_id`,
/// `class_id` and `price`, and its quantity in `new_total`. `custom_id` is the id people know
/// the security the event creates by (for a transfer, the transferee's); `balance_custom_id`
/// that of the balance security a transfer, cancellation or repurchase leaves.
enum TransactionColumn: Int, CaseIterable {
  case sequence, date, kind, security, holder, shareClass, plan, quantity, price
  case vestingStart, vestingTotalMonths, vestingCliffMonths, vestingFrequencyMonths, expires
  case resultingSecurity, balanceSecurity, ratio, newTotal, reason, extra
  case vestingTerms, customID, balanceCustomID

  /// The SQL column name.
  var name: String {
    switch self {
    case .sequence: "sequence"
    case .date: "date"
    case .kind: "kind"
    case .security: "security"
    case .holder: "holder_id"
    case .shareClass: "class_id"
    case .plan: "plan_id"
    case .quantity: "quantity"
    case .price: "price"
    case .vestingStart: "vesting_start"
    case .vestingTotalMonths: "vesting_total_months"
    case .vestingCliffMonths: "vesting_cliff_months"
    case .vestingFrequencyMonths: "vesting_frequency_months"
    case .expires: "expires"
    case .resultingSecurity: "resulting_security"
    case .balanceSecurity: "balance_security"
    case .ratio: "ratio"
    case .newTotal: "new_total"
    case .reason: "reason"
    case .extra: "extra"
    case .vestingTerms: "vesting_terms"
    case .customID: "custom_id"
    case .balanceCustomID: "balance_custom_id"
    }
  }
}

extension Transaction {
  private static let columnList = TransactionColumn.allCases.map(\.name).joined(separator: ", ")

  /// A company's transactions in replay order (a range scan of the table's clustered key).
  static let selectSQL = """
    SELECT \(columnList) FROM transactions WHERE company_id = ? ORDER BY date, sequence
    """

  static let insertSQL = insertStatement(
    table: "transactions", columns: ["company_id"] + TransactionColumn.allCases.map(\.name))

  /// The values of `company_id` and every `TransactionColumn`.
  func storedValues(company: Company.ID) throws -> StatementArguments {
    var record = TransactionRecord()
    var memo = StoredTextMemo()
    try fill(&record, memo: &memo)
    return StatementArguments([company.rawValue.databaseValue] + record.values)
  }

  /// Sets every column of `record` (which must be all NULL) to this transaction's values;
  /// `memo` formats repeated dates and prices once.
  func fill(_ record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.sequence] = sequence
    record[.date] = memo.iso(date)
    record[.kind] = event.kind.rawValue
    record[.customID] = event.customID?.customID
    record[.balanceCustomID] = event.balanceCustomID?.customID
    switch event {
    case .issueStock(let issuance):
      record[.security] = issuance.security.rawValue
      record[.holder] = issuance.holder.rawValue
      record[.shareClass] = issuance.shareClass.rawValue
      record[.quantity] = issuance.quantity.count
      record[.price] = memo.text(issuance.pricePerShare)
      record.setVesting(issuance.vesting, memo: &memo)
      record[.vestingTerms] = try issuance.vestingTerms.map(VestingTermsJSON.encode)
    case .grantOptions(let grant):
      record[.security] = grant.security.rawValue
      record[.holder] = grant.holder.rawValue
      record[.plan] = grant.plan.rawValue
      record[.quantity] = grant.quantity.count
      record[.price] = memo.text(grant.strike)
      record.setVesting(grant.vesting, memo: &memo)
      record[.expires] = grant.expires?.iso
      record[.vestingTerms] = try grant.vestingTerms.map(VestingTermsJSON.encode)
    case .exercise(let exercise):
      record[.security] = exercise.grant.rawValue
      record[.quantity] = exercise.quantity.count
      record[.resultingSecurity] = exercise.resultingSecurity.rawValue
      if let issued = exercise.issuedStock {
        record[.holder] = issued.holder.rawValue
        record[.shareClass] = issued.shareClass.rawValue
        record[.newTotal] = issued.quantity.count
        record[.price] = memo.text(issued.pricePerShare)
      }
    case .transfer(let transfer):
      record[.security] = transfer.security.rawValue
      record[.holder] = transfer.to.rawValue
      record[.quantity] = transfer.quantity.count
      record[.resultingSecurity] = transfer.resultingSecurity.rawValue
      record[.balanceSecurity] = transfer.balanceSecurity?.rawValue
    case .cancel(let cancellation):
      record[.security] = cancellation.security.rawValue
      record[.quantity] = cancellation.quantity.count
      record[.balanceSecurity] = cancellation.balanceSecurity?.rawValue
      record[.reason] = cancellation.reason
    case .repurchase(let repurchase):
      record[.security] = repurchase.security.rawValue
      record[.quantity] = repurchase.quantity.count
      record[.price] = memo.text(repurchase.pricePerShare)
      record[.balanceSecurity] = repurchase.balanceSecurity?.rawValue
    case .split(let split):
      record[.shareClass] = split.shareClass.rawValue
      record[.ratio] = memo.text(split.ratio)
    case .authorizeShares(let authorization):
      record[.shareClass] = authorization.shareClass.rawValue
      record[.newTotal] = authorization.newTotal.count
    case .increasePool(let increase):
      record[.plan] = increase.plan.rawValue
      record[.quantity] = increase.quantity.count
    case .issueSAFE(let safe):
      record[.security] = safe.security.rawValue
      record[.holder] = safe.holder.rawValue
      record[.price] = memo.text(safe.purchaseAmount)
      record[.extra] = ConvertibleTerms(safe).json
    case .issueNote(let note):
      record[.security] = note.security.rawValue
      record[.holder] = note.holder.rawValue
      record[.price] = memo.text(note.principal)
      record[.expires] = note.maturity?.iso
      record[.extra] = ConvertibleTerms(note).json
    case .issueWarrant(let warrant):
      record[.security] = warrant.security.rawValue
      record[.holder] = warrant.holder.rawValue
      record[.shareClass] = warrant.shareClass.rawValue
      record[.quantity] = warrant.quantity.count
      record[.price] = memo.text(warrant.strike)
      record[.expires] = warrant.expires?.iso
    case .convert(let conversion):
      record[.security] = conversion.security.rawValue
      record[.resultingSecurity] = conversion.resultingSecurity.rawValue
      record[.shareClass] = conversion.shareClass.rawValue
      record[.quantity] = conversion.quantity.count
      record[.price] = memo.text(conversion.pricePerShare)
    case .adjustConversionPrice(let change):
      record[.shareClass] = change.shareClass.rawValue
      record[.price] = memo.text(change.newConversionPrice)
    case .grantCompute, .redeemTokens, .sellTokens, .clawbackTokens:
      record.setTokenEvent(event)
    case .changeOfControl(let change):
      record[.reason] = change.note
    case .terminate(let termination):
      record[.holder] = termination.holder.rawValue
      record[.security] = termination.security?.rawValue
      record[.reason] = termination.withoutCause ? "without-cause" : "other"
    case .reachMilestone(let milestone):
      record[.reason] = milestone.name
      record[.holder] = milestone.holder?.rawValue
      record[.security] = milestone.security?.rawValue
    case .accelerateVesting(let acceleration):
      record[.security] = acceleration.security.rawValue
      record[.quantity] = acceleration.quantity.count
      record[.reason] = acceleration.reason
    case .void, .amendClass, .mergeHolders, .amendPlan:
      try record.setCorrection(event)
    }
  }

  /// A transaction from a row of `selectSQL`.
  ///
  /// `memo` keeps the last date and price parsed per column: rows come in date order and
  /// many share a date or a price, so most rows skip those parses.
  init(stored row: Row, memo: inout TransactionMemo) throws(StoreError) {
    try self.init(
      stored: StoredRow(
        row: row, table: "transactions", keyIndex: TransactionColumn.sequence.rawValue),
      memo: &memo)
  }

  /// A transaction from a stored row of `selectSQL` (a GRDB row or a raw statement's).
  init(stored row: StoredRow, memo: inout TransactionMemo) throws(StoreError) {
    let event: LedgerEvent
    switch try memo.kind(row) {
    case .issue:
      event = .issueStock(
        StockIssuance(
          security: try row.security(.security), holder: Stakeholder.ID(try row.text(.holder)),
          shareClass: ShareClass.ID(try row.text(.shareClass)), quantity: try row.shares(.quantity),
          pricePerShare: try memo.price(row), vesting: try memo.vesting(row),
          vestingTerms: try row.vestingTerms()))
    case .grant:
      event = .grantOptions(
        OptionGrant(
          security: try row.security(.security), holder: Stakeholder.ID(try row.text(.holder)),
          plan: StockPlan.ID(try row.text(.plan)), quantity: try row.shares(.quantity),
          strike: try memo.price(row), vesting: try memo.vesting(row),
          expires: try row.optionalDate(.expires), vestingTerms: try row.vestingTerms()))
    case .exercise:
      event = .exercise(
        Exercise(
          grant: try row.security(.security), quantity: try row.shares(.quantity),
          resultingSecurity: try row.security(.resultingSecurity),
          issuedStock: try row.optionalText(.holder) == nil
            ? nil
            : ExercisedStock(
              holder: Stakeholder.ID(try row.text(.holder)),
              shareClass: ShareClass.ID(try row.text(.shareClass)),
              quantity: try row.shares(.newTotal), pricePerShare: try memo.price(row))))
    case .transfer:
      event = .transfer(
        Transfer(
          security: try row.security(.security), to: Stakeholder.ID(try row.text(.holder)),
          quantity: try row.shares(.quantity),
          resultingSecurity: try row.security(.resultingSecurity),
          balanceSecurity: try row.optionalSecurity(.balanceSecurity)))
    case .cancel:
      event = .cancel(
        Cancellation(
          security: try row.security(.security), quantity: try row.shares(.quantity),
          balanceSecurity: try row.optionalSecurity(.balanceSecurity),
          reason: try row.optionalText(.reason)))
    case .repurchase:
      event = .repurchase(
        Repurchase(
          security: try row.security(.security), quantity: try row.shares(.quantity),
          pricePerShare: try memo.price(row),
          balanceSecurity: try row.optionalSecurity(.balanceSecurity)))
    case .split:
      event = .split(
        StockSplit(
          shareClass: ShareClass.ID(try row.text(.shareClass)), ratio: try row.ratio(.ratio)))
    case .authorize:
      event = .authorizeShares(
        SharesAuthorization(
          shareClass: ShareClass.ID(try row.text(.shareClass)),
          newTotal: try row.shares(.newTotal)))
    case .poolIncrease:
      event = .increasePool(
        PoolIncrease(plan: StockPlan.ID(try row.text(.plan)), quantity: try row.shares(.quantity)))
    case .safe:
      let terms = try ConvertibleTerms(row, column: TransactionColumn.extra.rawValue)
      event = .issueSAFE(
        SAFEIssuance(
          security: try row.security(.security), holder: Stakeholder.ID(try row.text(.holder)),
          purchaseAmount: try memo.price(row), kind: terms.safeKind ?? .postMoney,
          valuationCap: terms.cap,
          discount: terms.discount, mostFavoredNation: terms.mfn ?? false,
          proRata: terms.proRata ?? false, rank: terms.rank ?? .withPreferred))
    case .note:
      let terms = try ConvertibleTerms(row, column: TransactionColumn.extra.rawValue)
      guard let rate = terms.rate else { throw row.failure("is a note without an interest rate") }
      event = .issueNote(
        NoteIssuance(
          security: try row.security(.security), holder: Stakeholder.ID(try row.text(.holder)),
          principal: try memo.price(row), rate: rate, compounding: terms.compounding ?? .simple,
          dayCount: terms.dayCount ?? .actual365, maturity: try row.optionalDate(.expires),
          valuationCap: terms.cap, discount: terms.discount,
          capBasis: terms.capBasis ?? .preMoneyFullyDiluted, rank: terms.rank ?? .withPreferred))
    case .warrant:
      event = .issueWarrant(
        WarrantIssuance(
          security: try row.security(.security), holder: Stakeholder.ID(try row.text(.holder)),
          shareClass: ShareClass.ID(try row.text(.shareClass)), quantity: try row.shares(.quantity),
          strike: try memo.price(row), expires: try row.optionalDate(.expires)))
    case .conversion:
      event = .convert(
        Conversion(
          security: try row.security(.security),
          resultingSecurity: try row.security(.resultingSecurity),
          shareClass: ShareClass.ID(try row.text(.shareClass)), quantity: try row.shares(.quantity),
          pricePerShare: try memo.price(row)))
    case .conversionPrice:
      event = .adjustConversionPrice(
        ConversionPriceChange(
          shareClass: ShareClass.ID(try row.text(.shareClass)),
          newConversionPrice: try memo.price(row)))
    case .computeGrant, .tokenRedeem, .tokenSale, .tokenClawback:
      event = try LedgerEvent(tokenRow: row, extraColumn: TransactionColumn.extra.rawValue)
    case .changeOfControl:
      event = .changeOfControl(ChangeOfControl(note: try row.optionalText(.reason)))
    case .termination:
      let cause = try row.text(.reason)
      guard cause == "without-cause" || cause == "other" else {
        throw row.failure("has termination cause '\(cause)', not without-cause or other")
      }
      event = .terminate(
        Termination(
          holder: Stakeholder.ID(try row.text(.holder)),
          security: try row.optionalSecurity(.security), withoutCause: cause == "without-cause"))
    case .milestone:
      event = .reachMilestone(
        MilestoneAchievement(
          name: try row.text(.reason),
          holder: try row.optionalText(.holder).map { Stakeholder.ID($0) },
          security: try row.optionalSecurity(.security)))
    case .acceleration:
      event = .accelerateVesting(
        AcceleratedVesting(
          security: try row.security(.security), quantity: try row.shares(.quantity),
          reason: try row.optionalText(.reason)))
    case .void:
      event = try LedgerEvent(voidRow: row)
    case .classAmendment:
      event = try LedgerEvent(amendmentRow: row)
    case .holderMerge:
      event = try LedgerEvent(mergeRow: row)
    case .planAmendment:
      event = try LedgerEvent(planAmendmentRow: row)
    }
    self.init(
      sequence: try row.int(.sequence), date: try memo.date(row),
      event: event.withCustomID(try row.optionalText(.customID))
        .withBalanceCustomID(try row.optionalText(.balanceCustomID)))
  }
}
