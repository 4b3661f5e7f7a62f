import Foundation

/// The tests that decide whether a change in counts or sentiment is a signal or noise.
public enum SignificanceTest {
    /// The chance of a count at least `current` (`atLeast`) or at most `current` when the
    /// theme's rate did not change: the exact conditional test of two Poisson rates. Given
    /// the `current + baseline` items seen over both spans, each fell in the current span with
    /// probability `currentExposure / (currentExposure + baselineExposure)`; the tail of that
    /// binomial is the p-value. Two items becoming four is p ≈ 0.34 against one baseline period.
    public static func poissonRates(current: Int, currentExposure: Double, baseline: Int, baselineExposure: Double,
                                    atLeast: Bool) -> Double {
        let trials = current + baseline
        guard trials > 0, currentExposure > 0, baselineExposure > 0 else { return 1 }
        let share = currentExposure / (currentExposure + baselineExposure)
        let range = atLeast ? current...trials : 0...current
        return min(1, binomialTail(trials: trials, share: share, successes: range))
    }

    /// The two-sided p-value of a difference between two shares (of negative items, say):
    /// the pooled two-proportion z-test.
    public static func twoProportions(_ first: Int, of firstTotal: Int, _ second: Int, of secondTotal: Int) -> Double {
        guard firstTotal > 0, secondTotal > 0 else { return 1 }
        let pooled = Double(first + second) / Double(firstTotal + secondTotal)
        let spread = (pooled * (1 - pooled) * (1 / Double(firstTotal) + 1 / Double(secondTotal))).squareRoot()
        guard spread > 0 else { return 1 }
        let z = (Double(first) / Double(firstTotal) - Double(second) / Double(secondTotal)) / spread
        return erfc(abs(z) / 2.0.squareRoot())
    }

    /// P(k in `successes`) for a binomial of `trials` and `share`, summed in log space so that
    /// thousands of trials stay exact enough.
    static func binomialTail(trials: Int, share: Double, successes: ClosedRange<Int>) -> Double {
        if share >= 1 { return successes.contains(trials) ? 1 : 0 }
        if share <= 0 { return successes.contains(0) ? 1 : 0 }
        let logShare = log(share)
        let logRest = log1p(-share)
        let logTrials = logFactorial(trials)
        var total = 0.0
        for k in successes {
            let logTerm = logTrials - logFactorial(k) - logFactorial(trials - k)
                + Double(k) * logShare + Double(trials - k) * logRest
            total += exp(logTerm)
        }
        return total
    }

    /// log(n!), through the log-gamma function.
    static func logFactorial(_ n: Int) -> Double {
        let value: Double = Foundation.lgamma(Double(n) + 1)
        return value
    }
}
