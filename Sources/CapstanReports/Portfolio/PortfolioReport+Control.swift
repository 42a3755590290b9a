import CapstanModel

extension PortfolioReport {
  /// Adds the segment finding to every company of a segment where the investor holds a board
  /// or observer seat at `thresholds.segmentCompanies` or more companies (segments compared
  /// case-insensitively).
  static func segmentSeats(_ holdings: [PortfolioHolding], thresholds: PortfolioThresholds)
    -> [PortfolioHolding]
  {
    var bySegment: [String: [Int]] = [:]
    for (index, holding) in holdings.enumerated() where holding.hasSeatOrObserver {
      guard let segment = holding.segment else { continue }
      bySegment[segment.lowercased(), default: []].append(index)
    }
    var result = holdings
    for indexes in bySegment.values where indexes.count >= thresholds.segmentCompanies {
      let names = indexes.map { holdings[$0].company }.joined(separator: ", ")
      for index in indexes {
        result[index].portfolioFindings.append(
          PortfolioFinding(
            flag: .segmentSeats, source: .portfolio,
            detail:
              "seats or observers at \(indexes.count) companies of the segment "
              + "\(holdings[index].segment ?? ""): \(names)"))
      }
    }
    return result
  }

  static func controlSection(
    _ holdings: [PortfolioHolding], thresholds: PortfolioThresholds = PortfolioThresholds()
  ) -> ReportSection {
    var table = ReportTable(
      key: "companies",
      columns: [
        .init("company", "Company"), .init("segment", "Segment"),
        .init("fully_diluted_pct", "FD %"), .init("fd_estimated", "FD est."),
        .init("voting_pct", "Votes %"), .init("board_seats", "Seats"),
        .init("protective_provisions", "Provisions"), .init("rights", "Other rights"),
        .init("compute_share_pct", "Compute %"), .init("flags", "Flags"),
      ])
    var findings = ReportTable(
      key: "findings",
      columns: [
        .init("company", "Company"), .init("flag", "Flag"), .init("source", "Source"),
        .init("detail", "Detail"),
      ])
    for holding in holdings {
      let flags = holding.flags(thresholds)
      table.rows.append([
        .text(holding.company), holding.segment.map { .text($0) } ?? .none,
        .percent(holding.fullyDiluted), .flag(holding.fullyDilutedEstimated),
        .percent(holding.voting), .count(holding.boardSeats.count),
        .text(holding.provisions.isEmpty ? "-" : holding.provisions.joined(separator: "; ")),
        .text(
          holding.rights.isEmpty
            ? "-" : holding.rights.map { "\($0.kind.rawValue): \($0.name)" }.joined(separator: "; ")
        ),
        holding.computeShare.map { .percent($0) } ?? .none,
        .text(flags.isEmpty ? "-" : flags.map { $0.name(thresholds) }.joined(separator: " ")),
      ])
      for finding in holding.findings(thresholds) {
        findings.rows.append([
          .text(holding.company), .text(finding.flag.name(thresholds)),
          .text(finding.source.rawValue), .text(finding.detail),
        ])
      }
    }
    var facts = [
      ReportFact(
        "flagged_companies", "Companies flagged", .count(flaggedCount(holdings, thresholds))),
      ReportFact("threshold_fd_pct", "Threshold: fully diluted", .percent(thresholds.fullyDiluted)),
      ReportFact("threshold_votes_pct", "Threshold: votes", .percent(thresholds.votes)),
      ReportFact(
        "threshold_compute_pct", "Threshold: compute supplied", .percent(thresholds.computeShare)),
      ReportFact(
        "threshold_segment_companies", "Threshold: companies of one segment with seats",
        .count(thresholds.segmentCompanies)),
    ]
    for flag in PortfolioHolding.Flag.allCases {
      facts.append(
        ReportFact(
          flag.factKey, "Flag \(flag.name(thresholds))",
          .count(holdings.filter { $0.flags(thresholds).contains(flag) }.count)))
    }
    return ReportSection(
      key: "control", title: "Control and dependency flags", facts: facts,
      tables: [table, findings],
      notes: [
        "Flags: fully diluted and votes at or above their thresholds, a board seat, the "
          + "share of the company's recorded compute use supplied (GPU-hours delivered ÷ compute "
          + "use; '-' under Compute % means none is recorded), each item of the FTC 6(b) list, "
          + "and seats or observers at companies of one segment. Findings say where each comes "
          + "from: 'keyword match' is a word found in a provision's free text (docs/reports.md "
          + "lists the words), a guess to check. Companies flagged leaves out "
          + "equity-rev-share, which every holding of equity raises. "
          + PortfolioReport.estimateNote
      ])
  }

  /// Each FTC 6(b) item (and the segment and dependency flags) across the portfolio: how many
  /// companies raise it, and which.
  static func ftcSection(_ holdings: [PortfolioHolding], thresholds: PortfolioThresholds)
    -> ReportSection
  {
    var table = ReportTable(
      key: "items",
      columns: [
        .init("flag", "Flag"), .init("item", "What it flags"), .init("companies", "Companies"),
        .init("company_names", "Which"),
      ])
    let items: [PortfolioHolding.Flag] = [
      .equity, .control, .exclusivity, .spendCommitment, .sensitiveInformation, .segmentSeats,
      .compute,
    ]
    for flag in items {
      let raising = holdings.filter { $0.flags(thresholds).contains(flag) }.map(\.company)
      table.rows.append([
        .text(flag.name(thresholds)), .text(flag.meaning), .count(raising.count),
        .text(raising.isEmpty ? "-" : raising.joined(separator: ", ")),
      ])
    }
    return ReportSection(
      key: "ftc_6b", title: "FTC 6(b) items across the portfolio", tables: [table],
      notes: [
        "The items the FTC's 6(b) staff report on AI partnerships (January 2025) singled out, "
          + "with board seats or observers at companies of one segment and dependency (the "
          + "share of a company's compute supplied)."
      ])
  }
}
