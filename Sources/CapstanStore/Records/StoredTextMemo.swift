import CapstanModel

/// Dates and exact numbers formatted for storage, each once: a ledger written in replay order
/// repeats its dates row after row, and an import repeats a few thousand prices many times.
struct StoredTextMemo {
  private var lastDate: CalendarDate?
  private var lastDateText = ""
  private var ratios: [Ratio: String] = [:]

  /// How many formatted numbers are kept; past this the memo starts again (bounded memory).
  private static let ratioLimit = 16_384

  /// `date.iso`.
  mutating func iso(_ date: CalendarDate) -> String {
    if date == lastDate { return lastDateText }
    lastDate = date
    lastDateText = date.iso
    return lastDateText
  }

  /// `ratio.storedText`.
  mutating func text(_ ratio: Ratio) -> String {
    if let text = ratios[ratio] { return text }
    let text = ratio.storedText
    if ratios.count >= Self.ratioLimit { ratios.removeAll(keepingCapacity: true) }
    ratios[ratio] = text
    return text
  }
}
