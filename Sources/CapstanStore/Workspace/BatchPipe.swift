import Dispatch
import Foundation

/// Hands batches to a second thread through a short queue, so that producing them and
/// consuming them overlap (a large import reads its file while its rows are inserted, and
/// decodes rows while they are replayed).
///
/// `finish()` or `stop()` waits until the consuming thread has ended: after either, the
/// producer may use again whatever the consumer used (a database connection may be used by
/// one thread at a time).
final class BatchPipe<Batch>: @unchecked Sendable {
  private let consume: (Batch) throws -> Void
  private let condition = NSCondition()
  /// Batches waiting, oldest first (under `condition`).
  private var pending: [Batch] = []
  private var closed = false
  private var ended = false
  private var failure: (any Error)?
  /// Batches allowed to wait: enough to smooth the two threads' speeds, little memory.
  private static var depth: Int { 4 }

  /// Starts the consuming thread, which calls `consume` on each batch in order until one
  /// throws (the rest are then dropped).
  init(consume: @escaping (Batch) throws -> Void) {
    self.consume = consume
    DispatchQueue.global(qos: .userInitiated).async { self.run() }
  }

  /// Hands over a batch; waits while the queue is full. Throws the consumer's failure, if any.
  func submit(_ batch: Batch) throws {
    condition.lock()
    defer { condition.unlock() }
    while pending.count >= Self.depth && failure == nil { condition.wait() }
    if let failure { throw failure }
    pending.append(batch)
    condition.broadcast()
  }

  /// Waits for every batch to be consumed; throws the consumer's failure.
  func finish() throws {
    if let failure = close(discarding: false) { throw failure }
  }

  /// Drops what is still queued and waits for the consumer to end (the producer failed).
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
        try consume(batch)
      } catch {
        condition.lock()
        failure = error
        condition.broadcast()
        condition.unlock()
      }
    }
  }
}
