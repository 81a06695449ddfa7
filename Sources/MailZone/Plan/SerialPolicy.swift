import Foundation
import ZoneFile

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
            guard let date = SerialScheme.utcDate(now) else { return serial &+ 1 }
            candidate = UInt32(truncatingIfNeeded: date.year * 10_000 + date.month * 100 + date.day) &* 100
        case .unixtime:
            guard let seconds = SerialScheme.seconds(now) else { return serial &+ 1 }
            candidate = UInt32(truncatingIfNeeded: seconds)
        case .counter:
            candidate = serial &+ 1
        }
        // Use the candidate only when it moves the serial forward (RFC 1982 §3.2); otherwise add one,
        // which also rolls a date serial's change number over into the next day's numbers (…0499 → …0500).
        return SerialScheme.isGreater(candidate, than: serial) ? candidate : serial &+ 1
    }

    /// The UTC calendar date of `now` (proleptic Gregorian), from the days since 1970: a few
    /// integer operations per zone, where Foundation's `Calendar` loads ICU's calendar and
    /// time-zone data (several MiB of memory) to answer the same question.
    /// Nil for a "now" that is not a time a serial can hold (see `seconds(_:)`).
    static func utcDate(_ now: Date) -> (year: Int, month: Int, day: Int)? {
        guard let seconds = seconds(now) else { return nil }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return CivilDate.date(fromDays: days)
    }

    /// Whole seconds since 1970 of `now`, or nil when it is NaN, infinite or beyond ±10¹² s (about
    /// year 33,000): `now` comes from `SOURCE_DATE_EPOCH`, and converting such a value to Int traps.
    static func seconds(_ now: Date) -> Int? {
        let value = now.timeIntervalSince1970.rounded(.down)
        guard value.isFinite, abs(value) <= 1e12 else { return nil }
        return Int(value)
    }

    /// RFC 1982 §3.2: s1 > s2 when they differ and the forward distance from s2 to s1 is below 2^31.
    public static func isGreater(_ s1: UInt32, than s2: UInt32) -> Bool {
        s1 != s2 && (s1 &- s2) < 0x8000_0000
    }
}
