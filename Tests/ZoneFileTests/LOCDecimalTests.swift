import Testing

@testable import ZoneFile

/// LOC writes two kinds of decimals, read by one routine: metres with up to two decimals (altitude,
/// size, precisions, in centimetres) and seconds of arc with up to three (in thousandths).
struct LOCDecimalTests {
    @Test(arguments: [
        ("10", Int64?(1000)), ("1.", 100), (".5", 50), ("1.5", 150), ("1.25m", 125), ("-1.5m", -150), ("+2", 200),
        ("99999999999.99", 9_999_999_999_999), ("100000000000", nil), ("1.234", nil), (".", nil), ("", nil),
        ("m", nil), ("1..2", nil), ("1e3", nil), ("--1", nil),
    ])
    func metresAreReadInCentimetres(text: String, centimetres: Int64?) {
        #expect(LOCNumber.parse(Array(text.utf8)[...], signed: true) == centimetres)
    }

    @Test func aSignIsRefusedWhereNoneIsAllowed() {
        #expect(LOCNumber.parse(Array("-1".utf8)[...], signed: false) == nil)
        #expect(LOCNumber.parse(Array("1".utf8)[...], signed: false) == 100)
    }

    @Test(arguments: [
        ("59.999", UInt32?(59_999)), ("1.5", 1500), ("0", 0), ("999", 999_000), (".001", 1), ("1000", nil),
        ("1.2345", nil), ("", nil), ("1.2.3", nil), ("-1", nil),
    ])
    func secondsAreReadInThousandths(text: String, thousandths: UInt32?) {
        #expect(LOCSeconds.parse(Array(text.utf8)[...]) == thousandths)
    }
}
