import CapstanModel
import PostgresNIO

extension PostgresWorkspace {
  /// Runs `body` against the current state and persists what it added, in one transaction.
  ///
  /// The draft reads a company's ledger (and its rounds and control records) only after
  /// taking that company's advisory lock, which is held until the commit: a second writer to
  /// the same company waits there, then reads what the first committed. Writers to different
  /// companies do not wait for each other. An error thrown by `body` is rethrown unchanged
  /// after the rollback; the server's errors become `WorkspaceError`s.
  @discardableResult
  public func write<T>(_ body: (inout WorkspaceDraft) throws -> T) throws -> T {
    try locked {
      try connection.transaction {
        let reader = PostgresReader(connection: connection)
        var draft = WorkspaceDraft(
          companies: try reader.companies(), stakeholders: try reader.stakeholders(),
          load: { id in
            try reader.lockCompany(id)
            // Read after the lock: a writer that committed meanwhile may have added people.
            return try reader.ledger(for: id, stakeholders: reader.stakeholders())
          },
          loadRounds: { id in
            try reader.lockCompany(id)
            return try reader.savedRounds(for: id)
          },
          loadMarket: { try reader.tokenMarket() },
          loadControlRecords: { id in
            try reader.lockCompany(id)
            return try reader.controlRecords(for: id)
          })
        draft.loadOffers = { id in
          try reader.lockCompany(id)
          return try reader.offers(for: id)
        }
        draft.loadTokenCosts = { try reader.tokenCosts() }
        draft.loadAccess = { try reader.lockedAccessChanges() }
        let result = try body(&draft)
        try PostgresWriter(connection: connection, reader: reader).insert(
          draft.changes, audit: draft.changes.auditRecords())
        return result
      }
    }
  }
}

/// Inserts one write's changes (inside its transaction).
struct PostgresWriter {
  let connection: BlockingConnection
  let reader: PostgresReader

  func insert(_ changes: WorkspaceChanges, audit: [AuditRecord]) throws {
    for company in touchedCompanies(changes) { try reader.lockCompany(company) }
    for company in changes.companies {
      try connection.rows(
        """
        INSERT INTO companies (id, name, body) VALUES
        (\(company.id.rawValue), \(company.name), \(try json(company))::json)
        """)
    }
    for person in changes.stakeholders {
      try connection.rows(
        """
        INSERT INTO stakeholders (id, name, body) VALUES
        (\(person.id.rawValue), \(person.name), \(try json(person))::json)
        """)
    }
    for change in changes.stakeholderChanges {
      try connection.rows(
        """
        INSERT INTO stakeholder_changes (stakeholder_id, body) VALUES
        (\(change.stakeholder.rawValue), \(try json(change))::json)
        """)
    }
    for entry in changes.classes {
      try connection.rows(
        """
        INSERT INTO share_classes (company_id, id, name, body) VALUES (\(entry.company.rawValue),
        \(entry.item.id.rawValue), \(entry.item.name), \(try json(entry.item))::json)
        """)
    }
    for entry in changes.plans {
      try connection.rows(
        """
        INSERT INTO stock_plans (company_id, id, name, body) VALUES (\(entry.company.rawValue),
        \(entry.item.id.rawValue), \(entry.item.name), \(try json(entry.item))::json)
        """)
    }
    try insertLedger(changes, audit: audit.idsByCompany)
    try insertMarket(changes)
    try insertCompanyRecords(changes)
    try insertOffers(changes)
    try insertAccess(changes, audit: audit)
    try dropSnapshots(changes.staleSnapshots)
    try insertRoundClosings(changes)
  }

  private func insertLedger(_ changes: WorkspaceChanges, audit: [Company.ID: String]) throws {
    for entry in changes.transactions {
      let transaction = entry.item
      try connection.rows(
        """
        INSERT INTO transactions (company_id, sequence, date, kind, body, audit_id) VALUES
        (\(entry.company.rawValue), \(transaction.sequence), \(transaction.date.iso)::date,
        \(transaction.event.kind.rawValue), \(try json(transaction))::json,
        \(changes.auditID(of: entry, made: audit)))
        """)
    }
    for batch in changes.batches {
      try connection.rows(
        """
        INSERT INTO ledger_batches (company_id, first_sequence, last_sequence) VALUES
        (\(batch.company.rawValue), \(batch.sequences.lowerBound), \(batch.sequences.upperBound))
        """)
    }
  }

  private func insertMarket(_ changes: WorkspaceChanges) throws {
    for token in changes.tokens {
      try connection.rows(
        "INSERT INTO tokens (symbol, body) VALUES (\(token.symbol), \(try json(token))::json)")
    }
    for mark in changes.tokenPrices {
      try connection.rows(
        """
        INSERT INTO token_prices (symbol, date, body) VALUES
        (\(mark.symbol), \(mark.date.iso)::date, \(try json(mark))::json)
        """)
    }
    for cost in changes.tokenCosts {
      try connection.rows(
        """
        INSERT INTO token_costs (symbol, date, body) VALUES
        (\(cost.symbol), \(cost.date.iso)::date, \(try json(cost))::json)
        """)
    }
  }

  private func insertCompanyRecords(_ changes: WorkspaceChanges) throws {
    for entry in changes.rounds {
      try connection.rows(
        """
        INSERT INTO saved_rounds (company_id, name, closing, body) VALUES
        (\(entry.company.rawValue), \(entry.item.name), \(entry.item.closing.iso)::date,
        \(try json(entry.item))::json)
        """)
    }
    // Sequences 1, 2, 3... per company, numbered under the company's lock.
    for entry in changes.valuations {
      try connection.rows(
        """
        INSERT INTO valuations (company_id, sequence, body) SELECT \(entry.company.rawValue),
        coalesce(max(sequence), 0) + 1, \(try json(entry.item))::json
        FROM valuations WHERE company_id = \(entry.company.rawValue)
        """)
    }
    for entry in changes.controlRecords {
      try connection.rows(
        """
        INSERT INTO control_records (company_id, sequence, body) SELECT \(entry.company.rawValue),
        coalesce(max(sequence), 0) + 1, \(try json(entry.item))::json
        FROM control_records WHERE company_id = \(entry.company.rawValue)
        """)
    }
  }

  /// Every company the changes add to, each once, in a fixed order (so that two writers
  /// locking several companies take the locks in the same order).
  private func touchedCompanies(_ changes: WorkspaceChanges) -> [Company.ID] {
    var ids = Set(changes.companies.map(\.id))
    ids.formUnion(changes.classes.map(\.company))
    ids.formUnion(changes.plans.map(\.company))
    ids.formUnion(changes.transactions.map(\.company))
    ids.formUnion(changes.rounds.map(\.company))
    ids.formUnion(changes.valuations.map(\.company))
    ids.formUnion(changes.controlRecords.map(\.company))
    ids.formUnion(changes.offers.map(\.company))
    return ids.sorted { $0.rawValue < $1.rawValue }
  }

  private func json(_ value: some Encodable) throws -> String {
    try StoredJSON.encode(value, what: "\(type(of: value))")
  }
}
