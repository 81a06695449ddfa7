import Foundation

/// A duration as a person reads it in `--timings`: `31 µs`, `4.2 ms`, `1.25 s`, three significant
/// digits at most, instead of `Duration`'s own `3.0299e-05 seconds`.
public enum DurationText {
    public static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let total = Double(seconds) + Double(attoseconds) / 1e18
        let magnitude = abs(total)
        let (value, unit): (Double, String) =
            magnitude >= 1
            ? (total, "s")
            : magnitude >= 1e-3 ? (total * 1e3, "ms") : magnitude >= 1e-6 ? (total * 1e6, "µs") : (total * 1e9, "ns")
        return significant(value) + " " + unit
    }

    /// `value` with at most three significant digits (no exponent): 123, 12.3, 1.23, 0 decimals above 100.
    private static func significant(_ value: Double) -> String {
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
