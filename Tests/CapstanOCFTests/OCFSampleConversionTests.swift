import CapstanModel
import CapstanOCF
import Foundation
import Testing

/// Issue 14: the samples' conversion rights, the split of one common class, and exercises,
/// with every number read from the JSON by hand (../shared/ocf-samples, never copied here).
@Suite(
  "OCF conversion rights, splits and exercises of the samples",
  .enabled(if: OCFSamples.enabled, OCFSamples.absent))
struct OCFSampleConversionTests {
  /// The workspace's id of a class, by name (the import makes ids from names).
  static func classID(_ name: String, _ ledger: Ledger) throws -> ShareClass.ID {
    try #require(ledger.classes.first { $0.name == name }).id
  }

  /// Shares per holder as converted: each holder's shares of a class × its ratio, floored per
  /// holder and class (as the ownership view counts them).
  static func asConverted(_ table: CapTable) -> [String: Int64] {
    var byKey: [String: (shares: Int64, ratio: Ratio)] = [:]
    for position in table.stock.values {
      let key = "\(table.name(of: position.holder))|\(position.shareClass)"
      let ratio = table.classes[position.shareClass]?.conversionRatio ?? .one
      byKey[key, default: (0, ratio)].shares += position.quantity.count
    }
    var out: [String: Int64] = [:]
    for (key, value) in byKey {
      let holder = String(key.split(separator: "|")[0])
      out[holder, default: 0] += (Ratio(value.shares) * value.ratio).floorInt64 ?? -1
    }
    return out
  }

  @Test("LTSE: Series A converts 2:1 into Common, nothing about it is unmapped, and it round-trips")
  func ltseSeriesA() throws {
    let (workspace, company, plan) = try importPackage(OCFSamples.ltse)
    let ledger = try workspace.ledger(for: company.id)
    let seriesA = try Self.classID("Series A Preferred", ledger)
    let common = try Self.classID("Common", ledger)
    // StockClasses.ocf.json: Series A Preferred has one RATIO_CONVERSION, numerator 10 over
    // denominator 5 (JSON numbers, warned), into Common (bf2f9aed…): 2 Common per share.
    let definition = try #require(ledger.classes.first { $0.id == seriesA })
    #expect(definition.conversion == .into(target: common, ratio: Ratio(2), rounding: .floor))
    #expect(plan.unmapped.keys.allSatisfy { !$0.contains("CONVERSION_RATIO") })
    #expect(
      plan.warnings.contains {
        $0.item == "d42f5d1b-14ef-4321-9833-a175e6af51ff" && $0.message.contains("read as 2")
      })
    let table = try ledger.replay(asOf: day(2026, 1, 1))
    #expect(table.classes[seriesA]?.conversionRatio == Ratio(2))
    // StockTransactions.ocf.json: Series A issued PS-1 500,000 (Fundy McFunderson Funds),
    // PS-2 90,909 (Seed Venture Fund V), PS-9 100,000 (Dean Dev); none moved later:
    // 690,909 shares, 1,381,818 as converted.
    let held = table.stock.values.filter { $0.shareClass == seriesA }
    let shares = held.reduce(Int64(0)) { $0 + $1.quantity.count }
    #expect(shares == 690_909)
    let ratio = table.classes[seriesA]?.conversionRatio ?? .one
    #expect((Ratio(shares) * ratio).floorInt64 == 1_381_818)
    // Series A1 Preferred names no conversion right: it counts as its own shares.
    let a1 = try Self.classID("Series A1 Preferred", ledger)
    #expect(table.classes[a1]?.definition.conversion == ClassConversion.none)
    #expect(table.classes[a1]?.conversionRatio == .one)

    // Export → import keeps the ratio and the target.
    let folder = try OCFSamples.temporaryFolder()
    var exporter = OCFExporter(ledger: ledger)
    _ = try exporter.write(to: folder.path)
    let (again, copy, second) = try importPackage(folder.path)
    let imported = try again.ledger(for: copy.id)
    let back = try #require(imported.classes.first { $0.name == "Series A Preferred" })
    let commonAgain = try Self.classID("Common", imported)
    #expect(back.conversion == .into(target: commonAgain, ratio: Ratio(2), rounding: .floor))
    #expect(second.warnings.allSatisfy { !$0.message.contains("md5") })
  }

  @Test("acme: the split of Ordinary B leaves Ordinary A and Preferred as they were")
  func acmeSplit() throws {
    let (workspace, company, _) = try importPackage(OCFSamples.acme)
    let ledger = try workspace.ledger(for: company.id)
    // StockClasses.ocf.json names no conversion_rights for any class: Ordinary A and
    // Preferred do not convert into Ordinary B, so its 2:1 split (2023-03-01) leaves them.
    let before = try ledger.replay(asOf: day(2023, 2, 28))
    let after = try ledger.replay(asOf: day(2023, 3, 1))
    for name in ["Ordinary A", "Preferred"] {
      let id = try Self.classID(name, ledger)
      #expect(before.classes[id]?.conversionRatio == .one)
      #expect(after.classes[id]?.conversionRatio == .one)
    }
    // On both dates, by hand: Fiona holds si_07 80,000 Ordinary A (si_01 and its balance
    // si_06 were repurchased on 2023-01-15) + si_preferred_01 35,000 Preferred = 115,000;
    // Charlie si_05 25,000 Ordinary A. Jane's 25,000 Ordinary B doubles to 50,000; Emily's
    // 500 + 400 exercised doubles to 1,800. No options on A or Preferred, so fully diluted
    // they are the same too.
    let was = Self.asConverted(before)
    let now = Self.asConverted(after)
    #expect(was["Fiona Felicity Founder"] == 115_000)
    #expect(now["Fiona Felicity Founder"] == 115_000)
    #expect(was["Charlie Chuck Cofounder"] == 25_000)
    #expect(now["Charlie Chuck Cofounder"] == 25_000)
    #expect(was["Jane Eyre CTO"] == 25_000)
    #expect(now["Jane Eyre CTO"] == 50_000)
    #expect(now["Emily Eliza Employee"] == 1_800)
  }

  @Test("acme: the four exercises whose resulting stock is not in the package are warned by id")
  func acmeExercises() throws {
    let (_, _, plan) = try importPackage(OCFSamples.acme)
    // EXERCISE_01..04 name share_issuance_01..04, and no TX_STOCK_ISSUANCE creates them.
    for n in 1...4 {
      let warning = plan.warnings.first { $0.item == "EXERCISE_0\(n)" }
      #expect(warning?.message.contains("share_issuance_0\(n) is not in the package") == true)
    }
  }

  @Test("LTSE: an exercise's resulting issuance stands: its holder, class, quantity and price")
  func ltseExerciseAsRecorded() throws {
    let (workspace, company, plan) = try importPackage(OCFSamples.ltse)
    // PlanSecurityTransactions.ocf.json: 377a5d1c…-exercise (2022-09-02) exercises 1,000 of
    // Amos Admin's 5,000 options (377a5d1c…-issuance, strike 0.01); its resulting 5dcec3da… is
    // issued in StockTransactions.ocf.json as 100,000 Common to Amos Admin at 0.01.
    let warning = plan.warnings.first {
      $0.item == "377a5d1c-7911-45fa-9a5a-58a5ac9d415a-exercise"
    }
    #expect(warning?.message.contains("5dcec3da-6505-48a3-aa1d-cd5a1a7c5432-issuance") == true)
    #expect(warning?.message.contains("quantity 100,000 (exercise 1,000)") == true)
    #expect(warning?.message.contains("the issuance's holder, class, quantity and price") == true)
    let table = try workspace.ledger(for: company.id).replay(asOf: day(2023, 3, 2))
    let stock = try #require(table.stock["5dcec3da-6505-48a3-aa1d-cd5a1a7c5432"])
    #expect(table.name(of: stock.holder) == "Amos Admin")
    #expect(table.classes[stock.shareClass]?.definition.name == "Common")
    #expect(stock.quantity == Shares(100_000))
    #expect(stock.pricePerShare == Ratio(1, 100))
    // The options used stay the exercise's: 5,000 granted − 1,000 exercised = 4,000.
    let grant = try #require(table.options["377a5d1c-7911-45fa-9a5a-58a5ac9d415a"])
    #expect(grant.exercised == Shares(1_000))
    #expect(grant.outstanding == Shares(4_000))
    // 990fbe55…-exercise (2022-08-02) exercises 250 of Elenore Engineer's 500 Common options;
    // its resulting d503e119… is 250 Series A1 Preferred at 0.01: the class stands.
    let preferred = try #require(table.stock["d503e119-8616-433f-bed6-101268565fe1"])
    #expect(table.name(of: preferred.holder) == "Elenore Engineer")
    #expect(table.classes[preferred.shareClass]?.definition.name == "Series A1 Preferred")
    #expect(preferred.quantity == Shares(250))
    #expect(
      plan.warnings.contains {
        $0.item == "990fbe55-0054-4627-a37d-503da3908432-exercise"
          && $0.message.contains("class b632d505-4f4e-49ec-ae32-c3c05e480c72 (grant ")
      })
  }

  @Test("LTSE: a transfer whose resulting securities were issued years before it is warned")
  func ltseTransferDates() throws {
    let (_, _, plan) = try importPackage(OCFSamples.ltse)
    // StockTransactions.ocf.json: 0aa2d9cd…-transfer on 2023-03-02 results in 2609d8a9…
    // (issued 2020-03-04) with the balance 7ebca446… (issued 2019-01-03).
    let warnings = plan.warnings.filter {
      $0.item == "0aa2d9cd-4214-4b1c-abc3-aaeb22f90a10-transfer"
    }.map(\.message)
    #expect(
      warnings.contains {
        $0.contains("2609d8a9-7c88-4cbc-85f8-3c94fb48694d is issued on 2020-03-04")
          && $0.contains("recorded on 2023-03-02")
      })
    #expect(
      warnings.contains {
        $0.contains("7ebca446-1bdf-4265-bbc4-0813d39c1085 is issued on 2019-01-03")
      })
  }

  @Test("LTSE: a grant whose vesting terms are missing has unknown vesting: nothing exercisable")
  func ltseUnknownVesting() throws {
    let (workspace, company, plan) = try importPackage(OCFSamples.ltse)
    // PlanSecurityTransactions.ocf.json: 8db31403… grants Fiona Founder 10,000 on 2022-04-11
    // with vesting_terms_id 0c28a6b5…, which VestingTerms.ocf.json does not define; nothing
    // exercises it.
    let item = "8db31403-cdd9-401b-8cb2-870be86bc649-issuance"
    #expect(
      plan.warnings.contains { $0.item == item && $0.message.contains("its vesting is unknown") })
    let table = try workspace.ledger(for: company.id).replay(asOf: day(2026, 1, 1))
    let grant = try #require(table.options["8db31403-cdd9-401b-8cb2-870be86bc649"])
    #expect(grant.outstanding == Shares(10_000))
    #expect(grant.exercisable(asOf: day(2026, 1, 1)) == .zero)
    #expect(grant.vestingTerms?.milestones.first?.name.hasPrefix("vesting unknown") == true)
  }

  @Test("md5: the samples' listed checksums are not their files' (a warning per file)")
  func sampleChecksums() throws {
    // By hand (md5sum): acme's manifest lists 45bbd5a5… for StockClasses.ocf.json, and
    // none of its five listed checksums matches its file.
    let package = try OCFPackage.read(path: OCFSamples.acme)
    #expect(package.checksumMismatches.count == 5)
    #expect(
      package.checksumMismatches.contains {
        $0.file == "./StockClasses.ocf.json" && $0.listed == "45bbd5a565154f8c4a762c3d4fd711f1"
      })
  }

  static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day) ?? .today()
  }
  func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate { Self.day(year, month, day) }
}
