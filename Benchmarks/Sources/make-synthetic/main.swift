// Writes the benchmarks' synthetic company into a new workspace file, to try by hand:
//   swift run -c release make-synthetic /tmp/synthetic.db
//   ../.build/release/capstan table --db /tmp/synthetic.db --as-of 2030-12-31
// or, with --replay, times Ledger.replay of it in this plain process (no benchmark runner,
// no malloc interposer) as a cross-check of the LedgerReplay benchmark. With --portfolio PATH
// it writes the portfolio report benchmark's 1,000 companies instead:
//   swift run -c release make-synthetic --portfolio /tmp/portfolio.db
//   ../.build/release/capstan report portfolio --investor ComputeCo --as-of 2026-12-31 \
//     --format html -o /tmp/p.html --db /tmp/portfolio.db
import CapstanModel
import Foundation
import SyntheticLedger

func fail(_ message: String, code: Int32) -> Never {
  FileHandle.standardError.write(Data("make-synthetic: \(message)\n".utf8))
  exit(code)
}

let arguments = Array(CommandLine.arguments.dropFirst())
let usage =
  "usage: make-synthetic PATH (a new workspace file; must not exist) | --replay | --snapshot"
  + " | --portfolio PATH (1,000 companies x 100 holders, for capstan report portfolio)"
if arguments.count == 2, arguments[0] == "--portfolio" {
  let began = ContinuousClock().now
  do {
    try SyntheticPortfolio.createWorkspace(at: arguments[1])
  } catch {
    fail("cannot write the portfolio: \(error)", code: 1)
  }
  print("wrote \(arguments[1]) in \(ContinuousClock().now - began)")
  exit(0)
}
guard arguments.count == 1, let target = arguments.first else { fail(usage, code: 2) }
let clock = ContinuousClock()
let start = clock.now
let synthetic = SyntheticLedger()
print(synthetic.summary)
print("generated in \(clock.now - start)")

if target == "--replay" {
  var times: [Duration] = []
  for _ in 0..<(ProcessInfo.processInfo.environment["REPLAYS"].flatMap { Int($0) } ?? 11) {
    let began = clock.now
    do {
      _ = try synthetic.ledger.replay()
    } catch {
      fail("the synthetic ledger does not replay: \(error)", code: 1)
    }
    times.append(clock.now - began)
  }
  print("Ledger.replay: median of 11 runs \(times.sorted()[times.count / 2])")
} else if target == "--snapshot" {
  // Issue 19: a snapshot 1,000 transactions before the end, then replay from it (decoding its
  // state each time) against a full replay.
  let ledger = synthetic.ledger
  let cut = ledger.transactions[ledger.transactions.count - 1_001]
  guard let run = try? ledger.replayRun(asOf: cut.date, checkpointAfter: 0),
    let snapshot = run.checkpoint
  else { fail("no checkpoint", code: 1) }
  print("snapshot at \(snapshot.date) #\(snapshot.sequence): \(snapshot.state.count) bytes")
  var resumed: [Duration] = []
  var replayed = 0
  for _ in 0..<11 {
    let began = clock.now
    var resuming = ledger
    resuming.snapshots = [snapshot]
    guard let result = try? resuming.replayRun() else { fail("no replay", code: 1) }
    resumed.append(clock.now - began)
    if result.resumedFrom == nil { fail("the snapshot was not used", code: 1) }
    replayed = result.replayed
  }
  print(
    "resumed replay of \(replayed) transactions: median of 11 runs "
      + "\(resumed.sorted()[resumed.count / 2])")
} else if target.hasPrefix("-") {
  fail(usage, code: 2)
} else {
  do {
    try SyntheticWorkspace.create(at: target, from: synthetic)
    print("wrote \(target) in \(clock.now - start)")
  } catch {
    fail("\(error)", code: 1)
  }
}
