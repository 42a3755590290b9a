import CapstanModel
import Testing

extension WorkspaceContract {
  /// A link sets its user's password once, before it expires, read back through another
  /// handle: a second use, an expired link, an unknown token and a removed user's link are
  /// refused and change nothing; a password set directly reads back too.
  static func passwordLinksWorkOnce(_ subject: Subject) throws {
    let company = try writeEverything(subject.workspace)
    let now = 1_800_000_000
    let fresh = String(repeating: "a1", count: 32)
    let stale = String(repeating: "b2", count: 32)
    try subject.workspace.write { draft in
      try draft.addUser(email: "ada@acme.example")
      try draft.grant(
        .holder, to: "ada@acme.example", company: company, stakeholder: "Ada Lovelace")
      try draft.addPasswordLink(
        for: "ada@acme.example", hash: fresh, purpose: .invite, now: now)
      // Made 73 hours before `now`: with the default 72 hours, expired an hour ago.
      try draft.addPasswordLink(
        for: "ada@acme.example", hash: stale, purpose: .reset, now: now - 73 * 3600)
    }
    let user = User.ID("ada-acme-example")
    #expect(try subject.reopen().accessDirectory().passwords[user] == nil)
    #expect(throws: AccessError.expiredLink(expired: now - 3600)) {
      try subject.workspace.write { draft in
        try draft.usePasswordLink(hash: stale, passwordHash: "$2b$stale", now: now)
      }
    }
    #expect(throws: AccessError.unknownLink) {
      try subject.workspace.write { draft in
        try draft.usePasswordLink(
          hash: String(repeating: "c3", count: 32), passwordHash: "$2b$x", now: now)
      }
    }
    // 72 hours less a second after it was made, the fresh link still works.
    let used = try subject.workspace.write { draft in
      try draft.usePasswordLink(
        hash: fresh.uppercased(), passwordHash: "$2b$first", now: now + 72 * 3600 - 1)
    }
    #expect(used.id == user)
    let directory = try subject.reopen().accessDirectory()
    #expect(directory.passwords[user] == "$2b$first")
    #expect(directory.usedLinks == [fresh])
    #expect(directory.link(hash: fresh)?.purpose == .invite)
    #expect(throws: AccessError.usedLink) {
      try subject.workspace.write { draft in
        try draft.usePasswordLink(hash: fresh, passwordHash: "$2b$second", now: now + 1)
      }
    }
    #expect(try subject.reopen().accessDirectory().passwords[user] == "$2b$first")
    try subject.workspace.write { draft in
      try draft.setPassword(for: "ADA@acme.example", hash: "$2b$direct")
    }
    #expect(try subject.reopen().accessDirectory().passwords[user] == "$2b$direct")
    // A removed user's password and links go with them.
    let another = String(repeating: "d4", count: 32)
    try subject.workspace.write { draft in
      try draft.addPasswordLink(for: "ada@acme.example", hash: another, purpose: .reset, now: now)
      try draft.removeUser(email: "ada@acme.example")
    }
    let after = try subject.reopen().accessDirectory()
    #expect(after.passwords.isEmpty)
    #expect(after.links.isEmpty)
    #expect(throws: AccessError.unknownLink) {
      try subject.workspace.write { draft in
        try draft.usePasswordLink(hash: another, passwordHash: "$2b$x", now: now)
      }
    }
  }

  /// A session reads back by its hash through another handle until it is ended; ending is
  /// kept; a new session forgets those that expired before it began, not the others.
  static func sessionsReadBackAndEnd(_ subject: Subject) throws {
    let now = 1_800_000_000
    let first = BrowserSession(
      hash: String(repeating: "e5", count: 32), user: "ada-acme-example", created: now,
      expires: now + 3600)
    try subject.workspace.addSession(first)
    #expect(try subject.workspace.session(hash: String(repeating: "f6", count: 32)) == nil)
    let read = try subject.reopen().session(hash: first.hash.uppercased())
    #expect(read == first)
    #expect(read?.isActive(at: now + 3599) == true)
    #expect(read?.isActive(at: now + 3600) == false)
    try subject.workspace.endSession(hash: first.hash, at: now + 10)
    // Ending twice keeps the first time.
    try subject.workspace.endSession(hash: first.hash, at: now + 20)
    #expect(try subject.reopen().session(hash: first.hash)?.ended == now + 10)
    // Two hours later: the first expired (an hour ago) and goes; one that expires later stays.
    let second = BrowserSession(
      hash: String(repeating: "a7", count: 32), user: "ada-acme-example", created: now,
      expires: now + 3 * 3600)
    try subject.workspace.addSession(second)
    let third = BrowserSession(
      hash: String(repeating: "b8", count: 32), user: "boss-acme-example",
      created: now + 2 * 3600, expires: now + 5 * 3600)
    try subject.workspace.addSession(third)
    let reopened = try subject.reopen()
    #expect(try reopened.session(hash: first.hash) == nil)
    #expect(try reopened.session(hash: second.hash) == second)
    #expect(try reopened.session(hash: third.hash) == third)
  }
}
