// Term sheets: 1,000 rendered per format (Markdown, HTML, .docx), cycling through the three
// built-in templates on the two demo deals; each one builds its context, checks and renders
// the template, parses the Markdown into the document tree and writes the format.
import Benchmark
import CapstanDocuments
import CapstanEngine
import CapstanModel
import CapstanScenarios

/// The benchmarks of this target, registered by the BenchmarkPlugin's generated `main`.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal],
    timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 20)

  // The stages, to see where the time goes.
  Benchmark("stage: 1,000 contexts") { benchmark, jobs in
    for _ in benchmark.scaledIterations {
      for index in 0..<1_000 {
        let job = jobs[index % jobs.count]
        blackHole(try? job.deal.context(safe: job.safe))
      }
    }
  } setup: {
    try TermSheetBenchmarkInput.jobs()
  }
  Benchmark("stage: 1,000 template renders") { benchmark, prepared in
    for _ in benchmark.scaledIterations {
      for index in 0..<1_000 {
        let job = prepared[index % prepared.count]
        blackHole(try? job.0.render(job.1))
      }
    }
  } setup: {
    try TermSheetBenchmarkInput.jobs().map { job in
      (
        job.template,
        try TermSheetSettings.apply(
          [], to: job.deal.context(safe: job.safe), currency: job.deal.currency,
          template: job.template, today: TermSheetBenchmarkInput.today)
      )
    }
  }
  Benchmark("stage: 1,000 Markdown parses") { benchmark, texts in
    for _ in benchmark.scaledIterations {
      for index in 0..<1_000 {
        blackHole(MarkdownReader.document(texts[index % texts.count]))
      }
    }
  } setup: {
    try TermSheetBenchmarkInput.jobs().map { job in
      try job.template.render(
        TermSheetSettings.apply(
          [], to: job.deal.context(safe: job.safe), currency: job.deal.currency,
          template: job.template, today: TermSheetBenchmarkInput.today))
    }
  }

  Benchmark("stage: 1,000 document.xml") { benchmark, documents in
    for _ in benchmark.scaledIterations {
      for index in 0..<1_000 {
        blackHole(DocxWriter.documentXML(documents[index % documents.count]))
      }
    }
  } setup: {
    try TermSheetBenchmarkInput.documents()
  }
  Benchmark("stage: 1,000 docx packages") { benchmark, documents in
    for _ in benchmark.scaledIterations {
      for index in 0..<1_000 {
        blackHole(try? DocxWriter.docx(documents[index % documents.count]))
      }
    }
  } setup: {
    try TermSheetBenchmarkInput.documents()
  }

  for format in TermSheetOutputFormat.allCases {
    Benchmark("1,000 term sheets, \(format.rawValue)") { benchmark, jobs in
      for _ in benchmark.scaledIterations {
        var bytes = 0
        for index in 0..<1_000 {
          let job = jobs[index % jobs.count]
          do {
            let context = try TermSheetSettings.apply(
              ["governing_law=the State of Delaware"],
              to: job.deal.context(safe: job.safe), currency: job.deal.currency,
              template: job.template, today: TermSheetBenchmarkInput.today)
            let document = try TermSheetRenderer.document(job.template, context)
            bytes += try TermSheetRenderer.write(document, as: format).count
          } catch {
            benchmark.error("rendering failed: \(error)")
          }
        }
        blackHole(bytes)
      }
    } setup: {
      try TermSheetBenchmarkInput.jobs()
    }
  }
}

/// The demo deals of the golden tests, built from scenario text (no files needed).
enum TermSheetBenchmarkInput {
  /// The date the sheets are dated (fixed, so every run renders the same bytes).
  static let today = CalendarDate(year: 2026, month: 12, day: 1) ?? .today()

  struct Job {
    var template: TermSheetTemplate
    var deal: TermSheetDeal
    var safe: SAFE?
  }

  static let seriesA = """
    company: {name: Example Co, currency: USD}
    holdings:
      - {holder: Founders, shares: 8000000}
      - {holder: Option holders, options: 600000}
    pool: 400000
    safes:
      - {id: SAFE-A, holder: SAFE A, amount: 500000, cap: 8M}
      - {id: SAFE-B, holder: SAFE B, amount: 1M, cap: 12M, discount: 20%}
    events:
      - round: {name: Series A, date: 2026-03-01, pre-money: 24M, invest: {Lead: 6M}, pool-target: 12%}
    """

  static let seed = """
    company: {name: Seed Co, currency: USD}
    holdings:
      - {holder: Founders, shares: 9000000}
    pool: 1000000
    events:
      - round: {name: Seed, date: 2026-06-01, pre-money: 18M, invest: {Lead: 3M, ComputeCo: 3M}, pool-target: 10%}
    """

  static func documents() throws -> [TermSheetDocument] {
    try jobs().map { job in
      try TermSheetRenderer.document(
        job.template,
        TermSheetSettings.apply(
          [], to: job.deal.context(safe: job.safe), currency: job.deal.currency,
          template: job.template, today: TermSheetBenchmarkInput.today))
    }
  }

  static func jobs() throws -> [Job] {
    let seriesA = try TermSheetDeal.scenario(
      ScenarioReader.parse(Self.seriesA, file: "series-a.yaml"), round: nil)
    var seed = try TermSheetDeal.scenario(
      ScenarioReader.parse(Self.seed, file: "seed.yaml"), round: nil)
    let start = CalendarDate(year: 2026, month: 6, day: 1) ?? .today()
    seed.compute = ComputeEquityTerms(
      provider: "ComputeCo",
      token: .init(
        symbol: "H100H", unit: "H100-hour", gpuType: "NVIDIA H100", unitsPerToken: .one,
        issuer: "ComputeCo"),
      tokens: Ratio(1_500_000), agreedTokenPrice: Ratio(2),
      delivery: .schedule(DeliverySchedule(start: start, months: 24, cliffMonths: 6)),
      priceVolatility: .init(
        threshold: Ratio(1, 2), measurement: "the 30-day average market price",
        remedy: "delivers top-up tokens"))
    return [
      Job(template: try BuiltInTemplates.load("priced-round"), deal: seriesA, safe: nil),
      Job(
        template: try BuiltInTemplates.load("post-money-safe"), deal: seriesA,
        safe: try seriesA.safe(named: "SAFE-B")),
      Job(template: try BuiltInTemplates.load("compute-for-equity"), deal: seed, safe: nil),
    ]
  }
}
