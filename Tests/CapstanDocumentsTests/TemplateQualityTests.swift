import CapstanDocuments
import CapstanModel
import CapstanScenarios
import Foundation
import Testing

/// Every built-in template, rendered for every demo deal it applies to, read back from the
/// Markdown, the HTML and the .docx's document.xml, is fit to send: no doubled words, no
/// defined term or agreement used but not defined, no section referred to that the sheet does
/// not have, a binding clause that names the sections it makes binding (confidentiality among
/// them), no British spelling, and no statement of fact about the parties' competition or
/// control outside a bracketed option for counsel.
@Suite("Template quality: every built-in template × demo deal × format")
struct TemplateQualityTests {
  /// British spellings (stems, matched at the start of a word, case-insensitive). "licence" is
  /// refused in every use: US documents write "license" for the noun and the verb.
  static let british = [
    "authoris", "organis", "capitalis", "summaris", "recognis", "realise", "utilis",
    "favour", "honour", "behaviour", "labour", "endeavour", "colour", "judgement", "cheque",
    "programme", "centre", "defence", "offence", "licence", "modelled", "modelling",
    "fulfil ",
  ]

  /// Terms the templates define and then use with capitals; one used must be defined (written
  /// in bold) in the same sheet, in its singular or plural form.
  static let definedTerms = [
    "Company", "Investor", "Investors", "Provider", "Token", "Tokens", "Issuer", "Closing",
    "Original Purchase Price", "Major Investor", "Deemed Liquidation Event", "Board",
    "Purchase Amount", "Company Capitalization", "SAFE", "Definitive Agreements",
  ]

  /// The agreements a template may mention, each with the term that defines it in the sheet.
  /// A capitalized "… Agreement(s)" or "… Letter" not listed here fails the test.
  static let agreements = [
    "Definitive Agreements": "Definitive Agreements",
    "Pro Rata Side Letter": "Pro Rata Side Letter",
    "Simple Agreement for Future Equity": "SAFE",
  ]

  /// One written sheet: its label and what it reads as in each format.
  struct Sheet {
    var label: String
    var formats: [(format: String, text: SheetText)]
  }

  /// The demo deals, and the same deals with the new class named "… Preferred" (which once
  /// printed "Seed Preferred Preferred"), and a round with two token investors.
  static func deals() throws -> [(String, TermSheetDeal)] {
    var seedPreferred = try DemoDeals.seedCompute()
    seedPreferred.newClass.name = "Seed Preferred"
    var seriesAPreferred = try DemoDeals.seriesA()
    seriesAPreferred.newClass.name = "Series A Preferred Stock"
    return [
      ("series-a", try DemoDeals.seriesA()), ("seed", try DemoDeals.seedCompute()),
      ("seed, class Seed Preferred", seedPreferred),
      ("series-a, class Series A Preferred Stock", seriesAPreferred),
      ("two token investors", try DemoDeals.twoTokenInvestors()),
      ("compute-SAFE", try DemoDeals.computeSAFE()),
      ("seed with a revenue share", DemoDeals.withRevenueShare(try DemoDeals.seedCompute())),
      (
        "compute-SAFE with a revenue share", DemoDeals.withRevenueShare(try DemoDeals.computeSAFE())
      ),
    ]
  }

  /// Every (template, deal, SAFE) that renders, in every format.
  static func sheets() throws -> [Sheet] {
    var sheets: [Sheet] = []
    for entry in BuiltInTemplates.all {
      let template = try BuiltInTemplates.load(entry.name)
      for (name, deal) in try deals() {
        let names = template.topLevelNames
        // The compute-SAFE sheet is for compute-SAFEs only.
        let computeSAFEOnly = entry.text.contains("{{#compute_safe}}")
        var safes: [String?] =
          names.contains("purchase_amount") || computeSAFEOnly
          ? deal.safes.map { $0.id.rawValue } : [nil]
        if computeSAFEOnly {
          safes = safes.filter { $0.map { deal.computeSAFEs[SecurityID($0)] != nil } ?? false }
        }
        if names.contains("provider") && deal.compute == nil { continue }
        for safe in safes {
          let document = try DemoDeals.render(entry.name, deal, safe: safe)
          let docx = try SheetText.docx(DocxWriter.docx(document))
          sheets.append(
            Sheet(
              label: "\(entry.name) for \(name)\(safe.map { " (\($0))" } ?? "")",
              formats: [
                ("md", SheetText.markdown(MarkdownWriter.markdown(document))),
                ("html", SheetText.html(HTMLWriter.html(document))), ("docx", docx),
              ]))
        }
      }
    }
    return sheets
  }

  @Test func everyTemplateIsRead() throws {
    let sheets = try Self.sheets()
    for entry in BuiltInTemplates.all {
      #expect(sheets.contains { $0.label.hasPrefix(entry.name + " for ") }, "\(entry.name)")
    }
    // Each format read back to real text (a reader that found nothing would pass every check).
    for sheet in sheets {
      for (format, text) in sheet.formats {
        #expect(text.units.count > 20 && text.headings.count > 5, "\(sheet.label) \(format)")
        #expect(text.bold.contains("Company") && !text.italic.isEmpty, "\(sheet.label) \(format)")
      }
    }
  }

  /// Doubled words ("the the", "Preferred Preferred"), case-insensitive, within one unit.
  static func doubledWords(_ text: SheetText) -> [String] {
    text.units.flatMap { unit in
      SheetText.matches(#"\b([A-Za-z]+)\s+\1\b"#, in: unit, options: .caseInsensitive)
        .map { "doubled \($0) in \"\(unit)\"" }
    }
  }

  static func britishSpellings(_ text: SheetText) -> [String] {
    let pattern = #"\b("# + british.joined(separator: "|") + ")"
    return SheetText.matches(pattern, in: text.text, options: .caseInsensitive)
      .map { "British spelling \($0)" }
  }

  /// A term written with capitals is defined (bold) in the sheet; so is every agreement it
  /// mentions, and it mentions none outside the known list.
  static func unresolvedReferences(_ text: SheetText) -> [String] {
    var problems: [String] = []
    let defined = Set(text.bold.map { $0.trimmingCharacters(in: .punctuationCharacters) })
    func isDefined(_ term: String) -> Bool {
      defined.contains(term) || defined.contains(term + "s")
        || (term.hasSuffix("s") && defined.contains(String(term.dropLast())))
    }
    for term in definedTerms where !isDefined(term) {
      if !SheetText.matches(#"\b\#(term)\b"#, in: text.text).isEmpty {
        problems.append("\(term) is used but not defined")
      }
    }
    let named = SheetText.matches(
      #"((?:[A-Z][A-Za-z'-]*\s+)*(?:Agreements?|Letter))\b"#, in: text.text)
    for name in named {
      let bare = name.hasPrefix("The ") ? String(name.dropFirst(4)) : name
      if !agreements.keys.contains(where: { $0.contains(bare) }) {
        problems.append("mentions \(name), which no template defines")
      }
    }
    for (agreement, term) in agreements where text.text.contains(agreement) && !isDefined(term) {
      problems.append("\(agreement) is mentioned but not defined")
    }
    return problems
  }

  /// An italic phrase starting with a capital names a section: the sheet must have it. One
  /// binding clause names Confidentiality and Governing Law, and the sheet has both sections.
  static func sectionReferences(_ text: SheetText) -> [String] {
    var problems: [String] = []
    for reference in text.italic
    where reference.first?.isUppercase == true && !text.headings.contains(reference) {
      problems.append("refers to section \(reference), which it does not have")
    }
    let binding = text.units.filter { $0.contains("are binding") }
    if binding.count != 1 { problems.append("\(binding.count) binding clauses, not one") }
    for section in ["Confidentiality", "Governing Law"]
    where binding.first?.contains(section) != true || !text.headings.contains(section) {
      problems.append("\(section) is not a section made binding")
    }
    return problems
  }

  /// A sentence about competition or control (outside square brackets, which are options for
  /// counsel) is an undertaking or a condition, never a statement of fact.
  static func assertedFacts(_ text: SheetText) -> [String] {
    var problems: [String] = []
    for unit in text.units {
      let unbracketed = SheetText.replacing(#"\[[^\]]*\]"#, in: unit)
      for sentence in unbracketed.components(separatedBy: ". ")
      where sentence.range(of: #"\bcompet|\bcontrol"#, options: .regularExpression) != nil {
        let undertaking = sentence.range(
          of: #"\b(will|may|must|shall|if|where|to the extent)\b"#,
          options: [.regularExpression, .caseInsensitive])
        if undertaking == nil { problems.append("states as fact: \"\(sentence)\"") }
      }
    }
    return problems
  }

  static let checks: [(name: String, check: @Sendable (SheetText) -> [String])] = [
    ("doubled words", doubledWords), ("US spelling", britishSpellings),
    ("references", unresolvedReferences), ("sections and binding clause", sectionReferences),
    ("facts about the parties", assertedFacts),
  ]

  @Test(arguments: checks.indices)
  func everySheetPasses(_ index: Int) throws {
    let (name, check) = Self.checks[index]
    for sheet in try Self.sheets() {
      for (format, text) in sheet.formats {
        let problems = check(text)
        #expect(problems.isEmpty, "\(name): \(sheet.label) \(format): \(problems)")
      }
    }
  }

  /// The defects the issue found on the old sheets, each caught by its check.
  @Test func theChecksCatchTheOldDefects() {
    let old = SheetText.markdown(
      """
      # Summary of Terms

      Seed Co (the **Company**) issues Seed Preferred Preferred Stock.

      ## Terms

      Holders will vote in favour. The Provider also offers AI services that compete with the \
      Company. The shares are subject to the co-sale terms of the Investors' Rights Agreement, \
      see *Confidentiality*.

      ## Governing Law

      Except for confidentiality and governing law, nothing here is binding.
      """)
    #expect(Self.doubledWords(old).count == 1)
    #expect(Self.britishSpellings(old) == ["British spelling favour"])
    #expect(
      Self.unresolvedReferences(old) == [
        "Investors is used but not defined", "Provider is used but not defined",
        "mentions Investors' Rights Agreement, which no template defines",
      ])
    #expect(
      Self.sectionReferences(old) == [
        "refers to section Confidentiality, which it does not have", "0 binding clauses, not one",
        "Confidentiality is not a section made binding",
        "Governing Law is not a section made binding",
      ])
    #expect(Self.assertedFacts(old).count == 1)
  }

  /// The families share their closing: the same confidentiality clause and governing-law
  /// sentence, and signature blocks for the company and each party.
  @Test func theFamilyClosesAlike() throws {
    let sheets = try Self.sheets()
    var confidentiality: Set<String> = []
    for sheet in sheets {
      let text = try #require(sheet.formats.first).text
      if let index = text.units.firstIndex(of: "Confidentiality"), index + 1 < text.units.count {
        confidentiality.insert(text.units[index + 1])
      }
      #expect(text.headings.contains("Signatures"), "\(sheet.label)")
      #expect(text.units.filter { $0.hasPrefix("By: ") }.count >= 2, "\(sheet.label)")
    }
    #expect(confidentiality.count == 1)
  }
}
