import CapstanModel
import Foundation

/// The classes and plans a sheet import uses: those of the workspace, and those it creates with
/// the terms the file gives. A preferred class is never created without its economics.
struct SheetClassPlan {
  let sheet: SheetImport
  var ledger: Ledger
  /// Classes to create, with their terms.
  var newClasses: [ShareClass] = []
  /// Plans to create: name, class and reserve (options granted plus the pool row).
  var newPlans: [(name: String, className: String, reserve: Shares)] = []
  /// Assumptions made.
  var notes: [String] = []
  /// Differences between the file's terms and the workspace's.
  var warnings: [SheetImport.Warning] = []
  /// The class options join when neither the row nor a plan names one.
  var optionsClass = "Common"

  init(sheet: SheetImport, ledger: Ledger) throws(ImportError) {
    self.sheet = sheet
    self.ledger = ledger
    optionsClass = chooseOptionsClass()
    try planPlans()
    try planClasses()
  }

  mutating func refresh(ledger: Ledger) { self.ledger = ledger }

  func existingClass(_ name: String) -> ShareClass? {
    ledger.classes.first { $0.name.lowercased() == name.lowercased() }
  }

  func existingPlan(_ name: String?) -> StockPlan? {
    if let name { return ledger.plans.first { $0.name.lowercased() == name.lowercased() } }
    return ledger.plans.count == 1 ? ledger.plans[0] : nil
  }

  /// The plan an option row grants from: the one it names, the company's only plan, or the
  /// plan the import creates.
  func plan(for holding: SheetImport.Holding) -> StockPlan? {
    existingPlan(holding.plan) ?? existingPlan(holding.plan ?? "Equity Plan")
  }

  /// A stock row's class: the one it names, or the company's only class. An option row's: the
  /// one it names, its plan's, or the common class the options join.
  func className(of holding: SheetImport.Holding) throws(ImportError) -> String {
    if let name = holding.className { return name }
    if holding.isOption {
      if let plan = existingPlan(holding.plan),
        let shareClass = ledger.classes.first(where: { $0.id == plan.shareClass })
      {
        return shareClass.name
      }
      return optionsClass
    }
    if ledger.classes.count == 1 { return ledger.classes[0].name }
    let columns = sheet.mapping.columns
    throw ImportError(
      location: holding.location.replacingOccurrences(
        of: SheetGrid.reference(column: columns[.quantity] ?? 0, row: holding.row),
        with: SheetGrid.reference(column: columns[.shareClass] ?? 0, row: holding.row)),
      message: "expected the share class (the company has \(ledger.classes.count) classes)")
  }

  /// The terms the file gives for a class.
  func terms(_ name: String) -> SheetClassTerms? {
    sheet.classTerms.first { $0.name.lowercased() == name.lowercased() }
  }

  /// Common or preferred: as the file says, else preferred when it gives a preference or the
  /// name says preferred or series.
  func kind(_ name: String) -> ShareClass.Kind {
    let terms = terms(name)
    if let kind = terms?.kind { return kind }
    if terms?.liquidationMultiple != nil || terms?.participates != nil { return .preferred }
    let lower = name.lowercased()
    return lower.contains("pref") || lower.contains("series") ? .preferred : .common
  }

  /// The workspace's only common class, or the sheet's only common class, else "Common".
  private mutating func chooseOptionsClass() -> String {
    var names: [String] = ledger.classes.filter { $0.kind == .common }.map(\.name)
    for holding in sheet.holdings where !holding.isOption {
      guard let name = holding.className, existingClass(name) == nil, kind(name) == .common,
        !names.contains(where: { $0.lowercased() == name.lowercased() })
      else { continue }
      names.append(name)
    }
    let needs =
      sheet.holdings.contains { $0.isOption && $0.className == nil } || !sheet.pools.isEmpty
    guard needs else { return "Common" }
    if names.count == 1 {
      notes.append("options without a class join \(names[0]), the only common class")
      return names[0]
    }
    if let common = names.first(where: { ["common", "common stock"].contains($0.lowercased()) }) {
      notes.append(
        "options without a class join \(common) (common classes: \(names.joined(separator: ", ")))")
      return common
    }
    if let first = names.first {
      notes.append(
        "options without a class join \(first), the first common class of \(names.joined(separator: ", "))"
      )
      return first
    }
    notes.append("options without a class: a Common class is created for them")
    return "Common"
  }
}
