import Foundation

/// How the SOA serial is bumped once per changed zone, keeping the scheme the
/// zone already uses (RFC 1912 §2.2 date serials, unix time, a plain counter),
/// with RFC 1982 serial arithmetic so a wrap is handled rather than overflowing.
public enum SerialScheme: String, Sendable, Hashable, CaseIterable, Codable {
    /// `YYYYMMDDnn`: today's date and a two-digit change number.
    case date
    /// Seconds since 1970.
    case unixtime
    /// Any other number, incremented by one.
    case counter

    /// Guesses the scheme from a serial: a valid date with a change number, a recent unix time, else a counter.
    public static func detect(_ serial: UInt32) -> SerialScheme {
        if serial >= 1_970_010_100, serial <= 2_099_123_199 {
            let day = serial / 100 % 100
            let month = serial / 10_000 % 100
            if (1...12).contains(month), (1...31).contains(day) { return .date }
        }
        if serial >= 1_000_000_000, serial < 2_000_000_000 { return .unixtime }
        return .counter
    }

    /// The next serial after `serial` on `now` (UTC): always greater than `serial` in RFC 1982 terms.
    public func next(after serial: UInt32, now: Date) -> UInt32 {
        let candidate: UInt32
        switch self {
        case .date:
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            let parts = calendar.dateComponents([.year, .month, .day], from: now)
            let today = UInt32((parts.year ?? 1970) * 10_000 + (parts.month ?? 1) * 100 + (parts.day ?? 1)) &* 100
            candidate = today
        case .unixtime:
            candidate = UInt32(truncatingIfNeeded: Int64(now.timeIntervalSince1970))
        case .counter:
            candidate = serial &+ 1
        }
        // Use the candidate only when it moves the serial forward (RFC 1982 §3.2); otherwise add one,
        // which also rolls a date serial's change number over into the next day's numbers (…0499 → …0500).
        return SerialScheme.isGreater(candidate, than: serial) ? candidate : serial &+ 1
    }

    /// RFC 1982 §3.2: s1 > s2 when they differ and the forward distance from s2 to s1 is below 2^31.
    public static func isGreater(_ s1: UInt32, than s2: UInt32) -> Bool {
        s1 != s2 && (s1 &- s2) < 0x8000_0000
    }
}
