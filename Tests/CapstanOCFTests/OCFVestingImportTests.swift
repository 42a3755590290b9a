import CapstanModel
import CapstanOCF
import Foundation
import Testing

/// A small hand-written package: richer VESTING_TERMS, a TX_VESTING_EVENT and a
/// TX_VESTING_ACCELERATION, imported and replayed; expected numbers derived by hand.
@Suite("OCF vesting terms, events and accelerations imported")
struct OCFVestingImportTests {
  static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text) ?? .today() }

  static let stakeholders = """
    {"file_type":"OCF_STAKEHOLDERS_FILE","items":[
     {"object_type":"STAKEHOLDER","id":"eve","name":{"legal_name":"Eve"},"stakeholder_type":"INDIVIDUAL"}]}
    """
  static let classes = """
    {"file_type":"OCF_STOCK_CLASSES_FILE","items":[
     {"object_type":"STOCK_CLASS","id":"common","name":"Common","class_type":"COMMON",
      "initial_shares_authorized":"1000000","votes_per_share":"1","seniority":"1"}]}
    """
  static let plans = """
    {"file_type":"OCF_STOCK_PLANS_FILE","items":[
     {"object_type":"STOCK_PLAN","id":"plan","plan_name":"Plan","initial_shares_reserved":"10000",
      "board_approval_date":"2024-12-01","stock_class_ids":["common"]}]}
    """

  static func relative(
    _ id: String, _ from: String, _ length: Int, _ occurrences: Int,
    _ numerator: String, _ denominator: String, remainder: Bool = false, next: [String] = []
  )
    -> String
  {
    let nextText = next.map { "\"\($0)\"" }.joined(separator: ",")
    return """
      {"id":"\(id)","portion":{"numerator":"\(numerator)","denominator":"\(denominator)","remainder":\(remainder)},
       "trigger":{"type":"VESTING_SCHEDULE_RELATIVE","relative_to_condition_id":"\(from)",
        "period":{"type":"MONTHS","length":\(length),"occurrences":\(occurrences),"day_of_month":"VESTING_START_DAY_OR_LAST_DAY_OF_MONTH"}},
       "next_condition_ids":[\(nextText)]}
      """
  }

  static func start(next: String) -> String {
    #"{"id":"start","quantity":"0","trigger":{"type":"VESTING_START_DATE"},"next_condition_ids":["\#(next)"]}"#
  }

  static func terms(_ id: String, _ conditions: [String]) -> String {
    """
    {"object_type":"VESTING_TERMS","id":"\(id)","name":"\(id)","description":"\(id)",
     "allocation_type":"CUMULATIVE_ROUND_DOWN","vesting_conditions":[\(conditions.joined(separator: ","))]}
    """
  }

  static let vestingTerms = """
    {"file_type":"OCF_VESTING_TERMS_FILE","items":[
    \(terms("yearly-10-20-30-40", [
      start(next: "y1"), relative("y1", "start", 12, 1, "10", "100", next: ["y2"]),
      relative("y2", "y1", 12, 1, "20", "100", next: ["y3"]),
      relative("y3", "y2", 12, 1, "30", "100", next: ["y4"]),
      relative("y4", "y3", 12, 1, "40", "100"),
    ])),
    \(terms("upfront-48-12", [
      start(next: "upfront"),
      #"{"id":"upfront","description":"10 % on signing","portion":{"numerator":"10","denominator":"100"},"trigger":{"type":"VESTING_EVENT"},"next_condition_ids":["cliff"]}"#,
      relative("cliff", "start", 12, 1, "12", "48", remainder: true, next: ["monthly"]),
      relative("monthly", "cliff", 1, 36, "1", "36", remainder: true),
    ])),
    \(terms("plain-48-12", [
      start(next: "cliff"), relative("cliff", "start", 12, 1, "12", "48", next: ["monthly"]),
      relative("monthly", "cliff", 1, 36, "1", "48"),
    ]))]}
    """

  static func grant(
    _ id: String, _ quantity: Int, terms: String?, vestings: [(String, Int)] = []
  ) -> String {
    let termsText = terms.map { #","vesting_terms_id":"\#($0)""# } ?? ""
    let list = vestings.map { #"{"date":"\#($0.0)","amount":"\#($0.1)"}"# }
    let vestingsText = vestings.isEmpty ? "" : #","vestings":["# + list.joined(separator: ",") + "]"
    return """
      {"object_type":"TX_EQUITY_COMPENSATION_ISSUANCE","id":"tx-\(id)","date":"2025-01-01",
       "security_id":"\(id)","custom_id":"\(id)","stakeholder_id":"eve","stock_plan_id":"plan",
       "compensation_type":"OPTION","quantity":"\(quantity)",
       "exercise_price":{"amount":"0.1","currency":"USD"},"expiration_date":null,
       "termination_exercise_windows":[],"security_law_exemptions":[]\(termsText)\(vestingsText)}
      """
  }

  static func acceleration(_ id: String, _ security: String, _ date: String, _ quantity: Int)
    -> String
  {
    """
    {"object_type":"TX_VESTING_ACCELERATION","id":"\(id)","date":"\(date)",
     "security_id":"\(security)","quantity":"\(quantity)","reason_text":"board"}
    """
  }

  /// Writes the package with `extra` transactions; returns its folder.
  static func package(extra: [String] = []) throws -> URL {
    let transactions =
      [
        grant("OP-1", 1_000, terms: "yearly-10-20-30-40"),
        grant("OP-2", 1_000, terms: "upfront-48-12"),
        grant("OP-3", 4_800, terms: "plain-48-12"),
        #"{"object_type":"TX_VESTING_START","id":"vs-2","date":"2025-01-01","security_id":"OP-2","vesting_condition_id":"start"}"#,
        #"{"object_type":"TX_VESTING_EVENT","id":"ve-2","date":"2025-03-01","security_id":"OP-2","vesting_condition_id":"upfront"}"#,
        acceleration("va-3", "OP-3", "2025-07-01", 250),
      ] + extra
    let files: [(String, String, String)] = [
      ("Stakeholders.ocf.json", "stakeholders_files", stakeholders),
      ("StockClasses.ocf.json", "stock_classes_files", classes),
      ("StockPlans.ocf.json", "stock_plans_files", plans),
      ("VestingTerms.ocf.json", "vesting_terms_files", vestingTerms),
      (
        "Transactions.ocf.json", "transactions_files",
        #"{"file_type":"OCF_TRANSACTIONS_FILE","items":["#
          + transactions.joined(separator: ",") + "]}"
      ),
    ]
    let folder = try OCFSamples.temporaryFolder()
    var manifest = """
      {"ocf_version":"1.2.0","file_type":"OCF_MANIFEST_FILE","as_of":"2025-12-31",
       "generated_at":"2025-12-31T00:00:00Z",
       "issuer":{"object_type":"ISSUER","id":"co","legal_name":"Vest Co","formation_date":"2024-12-01","country_of_formation":"US"}
      """
    for (name, key, text) in files {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
      manifest += #","\#(key)":[{"filepath":"\#(name)"}]"#
    }
    try Data((manifest + "}").utf8).write(to: folder.appendingPathComponent("Manifest.ocf.json"))
    return folder
  }

  /// OP-1, 10/20/30/40 yearly of 1,000: 100 after a year, 300 after two, 600, 1,000.
  /// OP-2, 10 % on the `upfront` event (recorded 2025-03-01) then 48/12/1 on the other 900:
  /// 100 on 2025-03-01; at 12 months 100 + floor(900 × 12 ÷ 48) = 325.
  /// OP-3, 4,800 on 48/12/1 with 250 accelerated at month 6: 250; at 12 months 1,200 + 250.
  @Test("tranches, an event and an acceleration replay as the terms say")
  func imports() throws {
    let (workspace, company, plan) = try importPackage(try Self.package().path)
    #expect(plan.unmapped.isEmpty, "\(plan.unmapped)")
    #expect(plan.warnings.isEmpty, "\(plan.warnings)")
    let table = try workspace.ledger(for: company.id).replay()
    let expected: [(SecurityID, String, Int64)] = [
      ("OP-1", "2025-12-31", 0), ("OP-1", "2026-01-01", 100), ("OP-1", "2027-01-01", 300),
      ("OP-1", "2028-01-01", 600), ("OP-1", "2029-01-01", 1_000),
      ("OP-2", "2025-02-28", 0), ("OP-2", "2025-03-01", 100), ("OP-2", "2026-01-01", 325),
      ("OP-2", "2029-01-01", 1_000),
      ("OP-3", "2025-06-30", 0), ("OP-3", "2025-07-01", 250), ("OP-3", "2026-01-01", 1_450),
      ("OP-3", "2029-01-01", 4_800),
    ]
    for (security, date, vested) in expected {
      let grant = try #require(table.options[security])
      #expect(grant.vested(asOf: Self.day(date)) == Shares(vested), "\(security) \(date)")
    }
    // OP-3 stays a plain schedule; OP-1 and OP-2 carry the richer terms.
    #expect(table.options["OP-3"]?.vesting != nil)
    #expect(table.options["OP-2"]?.vestingTerms?.milestones.map(\.name) == ["upfront"])
  }

  @Test("an acceleration of an unknown security, or of more than is unvested, is refused")
  func refusals() throws {
    let cases: [(String, [String])] = [
      ("Transactions.ocf.json, item va-9", [Self.acceleration("va-9", "OP-9", "2025-08-01", 5)]),
      // 4,800 − 250 = 4,550 unvested at month 7 (still before the cliff).
      (
        "Transactions.ocf.json, item va-4",
        [Self.acceleration("va-4", "OP-3", "2025-08-01", 4_551)]
      ),
    ]
    for (named, extra) in cases {
      let workspace = InMemoryWorkspace()
      let path = try Self.package(extra: extra).path
      #expect {
        _ = try importPackage(path, into: workspace)
      } throws: { error in
        "\(error)".contains(named)
      }
      #expect(try workspace.companies().isEmpty)
    }
  }

  /// OP-4: no terms, a `vestings` list of 400 on 2025-06-01 and 600 on 2026-06-01. OP-5: terms
  /// the package leaves out, and a list of 1,000 on 2026-01-01: the list is used, with a
  /// warning. OP-6: a list that adds up to 900 of 1,000: imported without vesting, listed.
  @Test("an issuance's vestings list is read when it names no usable terms")
  func vestingsList() throws {
    let extra = [
      Self.grant("OP-4", 1_000, terms: nil, vestings: [("2025-06-01", 400), ("2026-06-01", 600)]),
      Self.grant("OP-5", 1_000, terms: "left-out", vestings: [("2026-01-01", 1_000)]),
      Self.grant("OP-6", 1_000, terms: nil, vestings: [("2026-01-01", 900)]),
    ]
    let (workspace, company, plan) = try importPackage(try Self.package(extra: extra).path)
    #expect(plan.unmapped == ["vestings list (for one security)": 1])
    #expect(plan.warnings.map(\.item).sorted() == ["tx-OP-5", "tx-OP-6"])
    let table = try workspace.ledger(for: company.id).replay()
    let expected: [(SecurityID, String, Int64)] = [
      ("OP-4", "2025-05-31", 0), ("OP-4", "2025-06-01", 400), ("OP-4", "2026-06-01", 1_000),
      ("OP-5", "2025-12-31", 0), ("OP-5", "2026-01-01", 1_000),
      ("OP-6", "2025-01-01", 1_000),
    ]
    for (security, date, vested) in expected {
      let grant = try #require(table.options[security])
      #expect(grant.vested(asOf: Self.day(date)) == Shares(vested), "\(security) \(date)")
    }
  }
}
