import CapstanDocuments
import CapstanModel
import Testing

@Suite("Strict rendering: a missing variable is an error with its name and line")
struct StrictTemplateTests {
  let context = TermSheetFields([
    "company": .text("Acme <AI> & Co"),
    "investors": .list([
      TermSheetFields(["name": .text("Lead"), "shares": .text("100")]),
      TermSheetFields(["name": .text("Angel")]),
    ]),
    "conversion": .fields(TermSheetFields(["shares": .text("5")])),
    "mfn": .flag(false),
  ])

  func render(_ text: String) throws(DocumentError) -> String {
    try TermSheetTemplate(name: "t", text: text).render(context)
  }

  /// Acceptance: `{{ valuation_cap }}` in a deal without a cap fails naming it and the line.
  @Test func valuationCapWithoutACap() throws {
    let deal = try DemoDeals.seedCompute()
    let template = try TermSheetTemplate(
      name: "cap.mustache", text: "# SAFE\n\nFor {{company}}:\n\nCap: {{ valuation_cap }}\n")
    #expect(
      throws: DocumentError.missingVariable(
        name: "valuation_cap", template: "cap.mustache", line: 5)
    ) {
      try template.render(deal.context())
    }
    let message = DocumentError.missingVariable(
      name: "valuation_cap", template: "cap.mustache", line: 5
    ).description
    #expect(message.contains("valuation_cap") && message.contains("line 5"))
  }

  @Test func textIsNotEscaped() throws {
    #expect(try render("{{company}}") == "Acme <AI> & Co")
    #expect(try render("{{{company}}} {{&company}}") == "Acme <AI> & Co Acme <AI> & Co")
  }

  @Test func aSectionOverAMissingNameIsOptionalText() throws {
    #expect(try render("a{{#valuation_cap}}cap {{valuation_cap}}{{/valuation_cap}}b") == "ab")
    #expect(try render("{{^valuation_cap}}no cap{{/valuation_cap}}") == "no cap")
    #expect(try render("{{#mfn}}{{missing}}{{/mfn}}ok") == "ok")
  }

  @Test func rowsAreCheckedOneByOne() {
    // The second investor has no shares: line 3 names it.
    #expect(throws: DocumentError.missingVariable(name: "shares", template: "t", line: 3)) {
      try render("Investors\n{{#investors}}\n{{name}}: {{shares}}\n{{/investors}}\n")
    }
  }

  @Test func namesResolveUpTheStackAndThroughDots() throws {
    #expect(
      try render("{{#investors}}{{name}}@{{company}};{{/investors}}")
        == "Lead@Acme <AI> & Co;Angel@Acme <AI> & Co;")
    #expect(try render("{{conversion.shares}}") == "5")
    #expect(throws: DocumentError.missingVariable(name: "conversion.price", template: "t", line: 1))
    {
      try render("{{conversion.price}}")
    }
  }

  @Test func aListIsNotText() {
    #expect(throws: DocumentError.notText(name: "investors", template: "t", line: 2)) {
      try render("\n{{investors}}")
    }
  }

  @Test(arguments: [
    ("line 1\n{{> partial}}", 2, "a partial"),
    ("{{=<% %>=}}", 1, "changing delimiters"),
  ])
  func unsupportedFeatures(_ text: String, _ line: Int, _ feature: String) {
    #expect {
      _ = try TermSheetTemplate(name: "t", text: text)
    } throws: { error in
      guard case DocumentError.unsupported(_, let at, let what) = error else { return false }
      return at == line && what.hasPrefix(feature)
    }
  }

  @Test func syntaxErrorsNameTheLine() {
    #expect {
      _ = try TermSheetTemplate(name: "t", text: "one\ntwo\n{{#a}}\n{{/b}}\n")
    } throws: { error in
      guard case DocumentError.syntax(_, let line, _) = error else { return false }
      return line == 4
    }
  }
}

@Suite("--set: non-numeric fields only, no unknown keys")
struct TermSheetSettingsTests {
  let template: TermSheetTemplate
  let deal: TermSheetDeal

  init() throws {
    template = try TermSheetTemplate(
      name: "t",
      text:
        "{{governing_law}} {{company_legal_name}} {{#escrow_agent}}{{escrow_agent}}{{/escrow_agent}}"
    )
    deal = try DemoDeals.seriesA()
  }

  func render(_ settings: [String]) throws -> String {
    try template.render(
      TermSheetSettings.apply(
        settings, to: deal.context(), currency: deal.currency, template: template,
        today: CalendarDate(daysSinceEpoch: 20_000)))
  }

  @Test func defaultsAndOverrides() throws {
    #expect(try render([]) == "the State of Delaware Example Co ")
    #expect(
      try render(["governing_law=England and Wales", "escrow_agent=Bank = Ltd"])
        == "England and Wales Example Co Bank = Ltd")
  }

  @Test(arguments: [
    (
      "goverining_law=X",
      DocumentError.unknownSetting(
        key: "goverining_law", known: TermSheetSettings.fields.map(\.key))
    ),
    ("price_per_share=1", .computedSetting(key: "price_per_share")),
    // Not in this deal (no cap), but still the engine's to give.
    ("valuation_cap=$5M", .computedSetting(key: "valuation_cap")),
    ("governing_law", .malformedSetting("governing_law")),
  ])
  func refused(_ setting: String, _ expected: DocumentError) {
    #expect(throws: expected) { try render([setting]) }
  }

  /// Every name a context can hold is either computed or settable, never both.
  @Test func everyContextNameIsClassified() throws {
    let full = try DemoDeals.seedCompute()
    var names = Set(try full.context().values.keys)
    let series = try DemoDeals.seriesA()
    names.formUnion(try series.context(safe: series.safe(named: "SAFE-B")).values.keys)
    #expect(
      names.subtracting(TermSheetSettings.computedNames).subtracting(TermSheetSettings.keys)
        .isEmpty)
    #expect(TermSheetSettings.computedNames.isDisjoint(with: TermSheetSettings.keys))
  }
}
