import CapstanModel

extension OCFMapper {
  /// VALUATION objects: price per share (an OCF Numeric, positive), effective date and class
  /// required; `409A` is a 409A, any other type is kept as `other` with a warning.
  mutating func mapValuations() throws -> [OCFImportPlan.ValuationEntry] {
    try valuationOrder.compactMap { file, v in
      guard let price = v.pricePerShare?.amount.value else {
        throw OCFError.malformed(
          file: file, item: v.id, field: "price_per_share", expected: "a monetary amount")
      }
      guard price > .zero else {
        throw OCFError.malformed(
          file: file, item: v.id, field: "price_per_share",
          expected: "a positive price, found \(price.decimalString(places: 10, minimumPlaces: 0))")
      }
      guard let effective = v.effectiveDate?.value else {
        throw OCFError.malformed(
          file: file, item: v.id, field: "effective_date", expected: "a date (YYYY-MM-DD)")
      }
      let classID: String
      if let named = v.stockClassId {
        guard classIDs.contains(named) else {
          throw OCFError.unknownReference(
            file: file, item: v.id, field: "stock_class_id", id: named)
        }
        classID = named
      } else if let common = classOrder.first(where: { $0.classType == "COMMON" }) {
        // OCF 1.0 exports (LTSE) name no class: a 409A values the common stock.
        warn(file, v.id, "no stock_class_id; recorded as a valuation of \(common.name)")
        classID = common.id
      } else {
        skip("VALUATION (no class)")
        warn(file, v.id, "valuation not mapped: no stock_class_id and no common class")
        return nil
      }
      var kind = ShareValuation.Kind.section409A
      if v.valuationType != "409A" {
        kind = .other
        warn(file, v.id, "valuation type \(v.valuationType ?? "(none)") recorded as other")
      }
      let valuation = ShareValuation(
        effective: effective, shareClass: ShareClass.ID(classID), pricePerShare: price,
        kind: kind, provider: v.provider, boardApproved: v.boardApprovalDate?.value)
      return OCFImportPlan.ValuationEntry(valuation: valuation, file: file, item: v.id)
    }
  }
}

extension OCFImportPlan {
  /// Adds the valuations, their classes named by the workspace's ids; a refusal names the OCF
  /// file and item.
  func addValuations(
    to draft: inout WorkspaceDraft, company: Company.ID, classes: [String: ShareClass.ID]
  ) throws {
    for entry in valuations {
      var valuation = entry.valuation
      valuation.shareClass = classes[valuation.shareClass.rawValue] ?? valuation.shareClass
      do {
        try draft.addValuation(valuation, to: company)
      } catch let error as LedgerError {
        throw OCFError.refused(file: entry.file, item: entry.item, reason: error.description)
      }
    }
  }
}
