import BigInt
import CapstanEngine
import CapstanModel
import PropertyBased
import Testing

/// `propertyCheck` swallows errors thrown by its body (it runs it under `try?`), so these
/// bodies catch every error and record it.
func waterfall(_ random: RandomCapitalization) -> Waterfall? {
  do {
    return try Waterfall(random.capitalization)
  } catch WaterfallError.noResidualClaimant {
    return nil
  } catch {
    Issue.record("\(error) for \(random)")
    return nil
  }
}

func distributions(_ waterfall: Waterfall, at exitValue: Ratio, _ context: String)
  -> (direct: WaterfallDistribution, scheduled: WaterfallDistribution)?
{
  do {
    return (
      try waterfall.distribution(at: exitValue), try waterfall.schedule.distribution(at: exitValue)
    )
  } catch {
    Issue.record("\(error) for \(context)")
    return nil
  }
}

@Suite struct WaterfallPropertyTests {
  static let seeds = Gen.int64(in: 0...Int64.max)
  static let exits = Gen.int64(in: 0...60_000_000)

  @Test func payoutsAddUpToTheProceedsExactlyAndRoundHalfUp() async {
    await propertyCheck(count: 150, input: Self.seeds, Self.exits) { seed, exit in
      let random = RandomCapitalization(seed: UInt64(seed))
      guard let waterfall = waterfall(random),
        let (direct, _) = distributions(waterfall, at: Ratio(exit), random.description)
      else { return }
      #expect(Ratio.sum(direct.holders.map(\.payout)) == Ratio(exit), "\(random)")
      // Each holder's cents are its payout rounded half-up on its own, so their sum misses
      // the proceeds by at most half a cent per holder, and the difference is reported.
      #expect(
        direct.holders.allSatisfy { $0.cents == ($0.payout * Ratio(100) + Ratio(1, 2)).floor },
        "\(random)")
      let sum = direct.holders.reduce(BigInt(0)) { $0 + $1.cents }
      #expect(sum - BigInt(exit) * 100 == direct.roundingDifference, "\(random)")
      #expect(direct.roundingDifference.magnitude * 2 <= direct.holders.count, "\(random)")
      #expect(direct.classes.total == Ratio(exit), "\(random)")
      #expect(direct.holders.allSatisfy { !$0.payout.isNegative && $0.cents >= 0 }, "\(random)")
    }
  }

  @Test func breakpointEvaluationEqualsDirectEvaluation() async {
    await propertyCheck(count: 150, input: Self.seeds, Self.exits) { seed, exit in
      let random = RandomCapitalization(seed: UInt64(seed))
      guard let waterfall = waterfall(random),
        let (direct, scheduled) = distributions(waterfall, at: Ratio(exit), random.description)
      else { return }
      #expect(direct.holders == scheduled.holders, "\(random) at \(exit)")
      #expect(direct.classes.classes == scheduled.classes.classes, "\(random) at \(exit)")
      #expect(
        direct.classes.convertibles == scheduled.classes.convertibles, "\(random) at \(exit)")
      #expect(direct.classes.converted == scheduled.classes.converted, "\(random) at \(exit)")
      // Each holder's curve, read at the exit, gives the same payout.
      for holder in direct.holders {
        do {
          let curve = try waterfall.schedule.curve(forHolder: holder.holder)
          #expect(curve.payout(at: Ratio(exit)) == holder.payout, "\(random) \(holder.holder)")
        } catch {
          Issue.record("\(error) for \(random)")
        }
      }
    }
  }

  @Test func noHolderReceivesLessFromALargerExit() async {
    await propertyCheck(
      count: 150, input: Self.seeds, Self.exits, Gen.int64(in: 0...20_000_000)
    ) { seed, exit, more in
      let random = RandomCapitalization(seed: UInt64(seed))
      guard let waterfall = waterfall(random),
        let (low, _) = distributions(waterfall, at: Ratio(exit), random.description),
        let (high, _) = distributions(waterfall, at: Ratio(exit + more), random.description)
      else { return }
      for holder in low.holders {
        let larger = high.payout(of: holder.holder)?.payout ?? .zero
        #expect(holder.payout <= larger, "\(random) \(holder.holder) at \(exit) + \(more)")
      }
    }
  }

  /// A sweep over many exit values gives the class payouts of direct evaluation.
  @Test func sweepMatchesSingleEvaluations() async {
    await propertyCheck(count: 50, input: Self.seeds) { seed in
      let random = RandomCapitalization(seed: UInt64(seed), maxClasses: 8)
      guard let waterfall = waterfall(random) else { return }
      let exits = (0..<20).map { Ratio(Int64($0) * 2_500_000 + 17) }
      do {
        let sweep = try waterfall.schedule.sweep(exits)
        for (exit, payouts) in zip(exits, sweep) {
          let direct = try waterfall.distribution(at: exit)
          #expect(payouts.classes == direct.classes.classes, "\(random)")
          #expect(payouts.convertibles == direct.classes.convertibles, "\(random)")
          #expect(payouts.total == exit, "\(random)")
        }
      } catch {
        Issue.record("\(error) for \(random)")
      }
    }
  }
}
