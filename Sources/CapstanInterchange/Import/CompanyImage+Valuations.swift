import CapstanModel

extension CompanyImage {
  /// Adds the file's valuations to the new company, in file order, each class mapped to the
  /// workspace's id; a refusal (a price that is not positive, a date before incorporation)
  /// names the line of its `<valuation>`.
  func writeValuations(
    into draft: inout WorkspaceDraft, company: Company.ID,
    classes: [ShareClass.ID: ShareClass.ID]
  ) throws(ImportError) {
    for (index, template) in valuations.enumerated() {
      var valuation = template
      valuation.shareClass = classes[valuation.shareClass] ?? valuation.shareClass
      do {
        try draft.addValuation(valuation, to: company)
      } catch {
        let name = self.classes.first { $0.id == template.shareClass }?.name
        throw ImportError(
          location: valuationSources.indices.contains(index)
            ? valuationSources[index] : companySource,
          message: "valuation of \(name ?? template.shareClass.rawValue): \(error)")
      }
    }
  }
}
