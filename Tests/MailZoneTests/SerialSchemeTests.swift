import Foundation
import Testing

@testable import MailZone

/// The SOA serial moves forward once per change, in the zone's own scheme, with RFC 1982 arithmetic.
@Suite struct SerialSchemeTests {
    /// 2026-12-01 00:00:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_796_083_200)

    @Test(arguments: [
        (UInt32(2_026_113_003), SerialScheme.date),
        (1_970_010_100, .date),
        (2_099_123_199, .date),
        (2_026_133_001, .counter),  // month 13: not a date, and past the unix-time range
        (1_796_000_000, .unixtime),
        (1, .counter),
        (42, .counter),
        (4_294_967_295, .counter),
    ])
    func detects(_ serial: UInt32, _ scheme: SerialScheme) {
        #expect(SerialScheme.detect(serial) == scheme)
    }

    @Test(arguments: [
        (SerialScheme.date, UInt32(2_026_113_003), UInt32(2_026_120_100)),  // an earlier day: today's first change
        (.date, 2_026_120_100, 2_026_120_101),  // already today: nn + 1
        (.date, 2_026_120_199, 2_026_120_200),  // nn rolls over into the next day's numbers
        (.date, 2_027_010_105, 2_027_010_106),  // a serial ahead of today: + 1
        (.unixtime, 1_796_000_000, 1_796_083_200),
        (.unixtime, 1_796_083_200, 1_796_083_201),  // two changes in one second
        (.counter, 41, 42),
        (.counter, 4_294_967_295, 0),  // RFC 1982: wraps, and 0 follows 2^32 - 1
    ])
    func bumps(_ scheme: SerialScheme, _ serial: UInt32, _ next: UInt32) {
        let bumped = scheme.next(after: serial, now: Self.now)
        #expect(bumped == next)
        #expect(SerialScheme.isGreater(bumped, than: serial))
    }

    @Test func forcedSchemeFromAnUnrelatedSerial() {
        // A counter zone switched to dates: the date is greater in RFC 1982 terms, so it is used.
        #expect(SerialScheme.date.next(after: 7, now: Self.now) == 2_026_120_100)
        // A date far "behind" in serial arithmetic (more than 2^31 ahead) cannot be reached: + 1 instead.
        #expect(SerialScheme.date.next(after: 4_000_000_000, now: Self.now) == 4_000_000_001)
    }

    @Test func serialArithmetic() {
        #expect(SerialScheme.isGreater(1, than: 0))
        #expect(SerialScheme.isGreater(0, than: 4_294_967_295))
        #expect(!SerialScheme.isGreater(5, than: 5))
        #expect(!SerialScheme.isGreater(0, than: 0x8000_0000))
    }

    /// The date serial's calendar arithmetic agrees with Foundation's Gregorian calendar in UTC,
    /// every 7 hours and 13 minutes from 1900 to 2200 (leap years, centuries, 2000) and at the
    /// last second of each day around the epoch.
    @Test func utcDateAgreesWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else {
            Issue.record("no UTC time zone")
            return
        }
        calendar.timeZone = utc
        var mismatches: [String] = []
        var instants: [Double] = Array(stride(from: -2_208_988_800.0, to: 7_258_118_400.0, by: 26_000.0))
        for day in -3...3 {
            let midnight = Double(day * 86_400)
            instants += [midnight - 1, midnight, midnight + 0.5]
        }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            guard let ours = SerialScheme.utcDate(date) else {
                mismatches.append("\(seconds): no date")
                continue
            }
            if ours.year != parts.year || ours.month != parts.month || ours.day != parts.day {
                mismatches.append("\(seconds): \(ours) vs \(parts)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(instants.count > 40_000)
    }

    /// A "now" no calendar holds (`SOURCE_DATE_EPOCH=1e300`, infinity, NaN) used to trap converting the
    /// seconds to Int; the serial then simply moves forward by one.
    @Test(arguments: [1e300, -1e300, Double.infinity, -Double.infinity, Double.nan, 9.3e18])
    func aNowOutsideAnyCalendarMovesTheSerialByOne(_ seconds: Double) {
        let now = Date(timeIntervalSince1970: seconds)
        #expect(SerialScheme.date.next(after: 2_026_120_100, now: now) == 2_026_120_101)
        #expect(SerialScheme.unixtime.next(after: 1_796_083_200, now: now) == 1_796_083_201)
        #expect(SerialScheme.counter.next(after: 4_294_967_295, now: now) == 0)
    }
}
