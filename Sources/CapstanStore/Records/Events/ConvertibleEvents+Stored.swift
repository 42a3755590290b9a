import CapstanModel
import Foundation

extension SAFEIssuance: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.security] = security.rawValue
    record[.holder] = holder.rawValue
    record[.price] = memo.text(purchaseAmount)
    record[.extra] = ConvertibleTerms(self).json
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    let terms = try ConvertibleTerms(row, column: row.index(.extra))
    return SAFEIssuance(
      security: try row.security(.security), holder: Stakeholder.ID(try row.text(.holder)),
      purchaseAmount: try memo.price(row), kind: terms.safeKind ?? .postMoney,
      valuationCap: terms.cap,
      discount: terms.discount, mostFavoredNation: terms.mfn ?? false,
      proRata: terms.proRata ?? false, rank: terms.rank ?? .withPreferred)
  }
}

extension NoteIssuance: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.security] = security.rawValue
    record[.holder] = holder.rawValue
    record[.price] = memo.text(principal)
    record[.expires] = maturity?.iso
    record[.extra] = ConvertibleTerms(self).json
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    let terms = try ConvertibleTerms(row, column: row.index(.extra))
    guard let rate = terms.rate else { throw row.failure("is a note without an interest rate") }
    return NoteIssuance(
      security: try row.security(.security), holder: Stakeholder.ID(try row.text(.holder)),
      principal: try memo.price(row), rate: rate, compounding: terms.compounding ?? .simple,
      dayCount: terms.dayCount ?? .actual365, maturity: try row.optionalDate(.expires),
      valuationCap: terms.cap, discount: terms.discount,
      capBasis: terms.capBasis ?? .preMoneyFullyDiluted, rank: terms.rank ?? .withPreferred)
  }
}

extension WarrantIssuance: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.security] = security.rawValue
    record[.holder] = holder.rawValue
    record[.shareClass] = shareClass.rawValue
    record[.quantity] = quantity.count
    record[.price] = memo.text(strike)
    record[.expires] = expires?.iso
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    return WarrantIssuance(
      security: try row.security(.security), holder: Stakeholder.ID(try row.text(.holder)),
      shareClass: ShareClass.ID(try row.text(.shareClass)), quantity: try row.shares(.quantity),
      strike: try memo.price(row), expires: try row.optionalDate(.expires))
  }
}

extension Conversion: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.security] = security.rawValue
    record[.resultingSecurity] = resultingSecurity.rawValue
    record[.shareClass] = shareClass.rawValue
    record[.quantity] = quantity.count
    record[.price] = memo.text(pricePerShare)
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    return Conversion(
      security: try row.security(.security),
      resultingSecurity: try row.security(.resultingSecurity),
      shareClass: ShareClass.ID(try row.text(.shareClass)), quantity: try row.shares(.quantity),
      pricePerShare: try memo.price(row))
  }
}

extension ConversionPriceChange: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.shareClass] = shareClass.rawValue
    record[.price] = memo.text(newConversionPrice)
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    return ConversionPriceChange(
      shareClass: ShareClass.ID(try row.text(.shareClass)),
      newConversionPrice: try memo.price(row))
  }
}

extension StoredEventTable {
  /// The stored forms of the convertible events, in this file.
  static let convertibleEvents: [Entry] = [
    .init(SAFEIssuance.self),
    .init(NoteIssuance.self),
    .init(WarrantIssuance.self),
    .init(Conversion.self),
    .init(ConversionPriceChange.self),
  ]
}
