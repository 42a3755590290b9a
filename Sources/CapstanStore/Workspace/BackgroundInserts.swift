import CapstanModel
import Dispatch
import Foundation

/// Inserts a stream of transactions on a second thread, in batches handed over through a
/// short queue, so that reading an import file and writing its rows overlap.
///
/// Only this thread touches the connection while the stream runs: the caller's thread is
/// busy producing, and `finish()` or `stop()` waits for the inserts to end before the caller
/// uses the connection again (SQLite allows one thread at a time on a connection).
final class BackgroundInserts: @unchecked Sendable {
  private var inserter: TransactionInserter
  private let company: Company.ID
  private let known: KnownReferences
  private let condition = NSCondition()
  /// Batches waiting, oldest first (under `condition`).
  private var pending: [[Transaction]] = []
  private var closed = false
  private var ended = false
  private var failure: (any Error)?
  /// Batches allowed to wait: enough to smooth the two threads' speeds, little memory.
  private static let depth = 4

  /// Starts the inserting thread.
  init(inserter: TransactionInserter, company: Company.ID, known: KnownReferences) {
    self.inserter = inserter
    self.company = company
    self.known = known
    DispatchQueue.global(qos: .userInitiated).async { self.run() }
  }

  /// Hands over a batch; waits while the queue is full. Throws the inserts' failure, if any.
  func submit(_ batch: [Transaction]) throws {
    condition.lock()
    defer { condition.unlock() }
    while pending.count >= Self.depth && failure == nil { condition.wait() }
    if let failure { throw failure }
    pending.append(batch)
    condition.broadcast()
  }

  /// Waits for every batch to be inserted; throws the first failure.
  func finish() throws {
    if let failure = close(discarding: false) { throw failure }
  }

  /// Drops what is still queued and waits for the thread to end (after the producer failed).
  func stop() { _ = close(discarding: true) }

  private func close(discarding: Bool) -> (any Error)? {
    condition.lock()
    defer { condition.unlock() }
    closed = true
    if discarding { pending.removeAll() }
    condition.broadcast()
    while !ended { condition.wait() }
    return failure
  }

  private func run() {
    while true {
      condition.lock()
      while pending.isEmpty && !closed { condition.wait() }
      guard !pending.isEmpty else {
        ended = true
        condition.broadcast()
        condition.unlock()
        return
      }
      let batch = pending.removeFirst()
      let failed = failure != nil
      condition.broadcast()
      condition.unlock()
      guard !failed else { continue }
      do {
        for transaction in batch {
          try inserter.insert(transaction, company: company, checking: known)
        }
      } catch {
        condition.lock()
        failure = error
        condition.broadcast()
        condition.unlock()
      }
    }
  }
}
