import CapstanModel
import Foundation

/// The terms of a SAFE or note beyond the typed columns, kept as JSON in `transactions.extra`.
struct ConvertibleTerms: Codable {
  var safeKind: SAFEIssuance.Kind?
  var cap: Ratio?
  var discount: Ratio?
  var mfn: Bool?
  var proRata: Bool?
  var rate: Ratio?
  var compounding: NoteIssuance.Compounding?
  var dayCount: NoteIssuance.DayCount?
  /// Absent in notes written before it was stored: pre-money fully diluted.
  var capBasis: NoteIssuance.CapBasis?
  /// Written only when not the default, so absent (older rows too) means on par with preferred.
  var rank: ConvertibleRank?

  init(_ safe: SAFEIssuance) {
    safeKind = safe.kind
    cap = safe.valuationCap
    discount = safe.discount
    mfn = safe.mostFavoredNation
    proRata = safe.proRata
    rank = safe.rank == .withPreferred ? nil : safe.rank
  }

  init(_ note: NoteIssuance) {
    cap = note.valuationCap
    discount = note.discount
    rate = note.rate
    compounding = note.compounding
    dayCount = note.dayCount
    capBasis = note.capBasis
    rank = note.rank == .withPreferred ? nil : note.rank
  }

  /// Sorted-key JSON.
  var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(self) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// The terms in a row's `extra` column.
  init(_ row: StoredRow, column: Int) throws(StoreError) {
    let text = try row.text(column)
    do {
      self = try JSONDecoder().decode(ConvertibleTerms.self, from: Data(text.utf8))
    } catch {
      throw row.failure("has terms that cannot be read: \(text)")
    }
  }
}
