import CapstanModel

/// What a streamed import of a Capstan XML file added (or, in a dry run, would have added).
public struct StreamedImport: Sendable {
  /// The new company.
  public let company: Company
  /// The file's company, stakeholders, classes, plans, tokens and valuations; no transactions.
  public let header: CompanyImage
  /// The transactions read, by kind.
  public let tally: TransactionTally
}

extension NativeXMLReader {
  /// Imports the Capstan XML file at `path` as a new company of `workspace`, streaming: the
  /// transactions go to the workspace as they are read, never all in memory, and the ledger
  /// is checked in full before anything is kept (`Workspace.importStreaming`). With `dryRun`,
  /// everything is read and checked and nothing kept.
  ///
  /// Every error names the file and, for a transaction, its line.
  ///
  /// `progress` gets the bytes read so far; `checking` is called once the whole file is read,
  /// when the ledger is being replayed before the commit.
  public static func importStreaming(
    path: String, name: String? = nil, into workspace: some Workspace, dryRun: Bool = false,
    progress: ((Int) -> Void)? = nil, checking: (() -> Void)? = nil
  ) throws -> StreamedImport {
    var reader = try open(path: path, name: name, progress: progress)
    let header = try reader.header()
    var lines: [Int32] = []
    var tally = TransactionTally()
    let company: Company
    do {
      company = try workspace.importStreaming(dryRun: dryRun) { draft in
        let (company, mapping) = try header.writeHeader(into: &draft)
        return (company.id, (company, mapping))
      } transactions: { context, append in
        let mapping = context.1
        try reader.transactions { date, event, line in
          lines.append(Int32(clamping: line))
          tally.add(event.kind, on: date)
          try append(date, mapping.identity ? event : mapping.apply(event))
        }
        checking?()
      }.0
    } catch let failure as LedgerFailure {
      // Sequences run from 1 in file order: transaction n came from line `lines[n - 1]`.
      if let sequence = failure.transaction?.sequence, lines.indices.contains(sequence - 1) {
        throw ImportError(
          location: "\(header.sourceFile):\(lines[sequence - 1])", message: "\(failure.error)")
      }
      throw ImportError(location: header.companySource, message: "\(failure)")
    }
    return StreamedImport(company: company, header: header, tally: tally)
  }
}
