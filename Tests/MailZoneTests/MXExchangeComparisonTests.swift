import Testing
import ZoneFile

@testable import MailAuth
@testable import MailZone

/// `MXValue.hasSameExchange` compares ASCII exchanges in place: it must say what comparing their
/// `exchangeKey`s says, for every pair of the real zones' MX, the examples' wanted MX, and exchanges made to sit
/// at the edges (case, trailing dots, non-ASCII letters, the Kelvin sign, the root).
@Suite("MX exchange comparison")
struct MXExchangeComparisonTests {
    @Test("hasSameExchange is exchangeKey equality, for every pair of real and edge exchanges")
    func sameExchangeIsSameKey() throws {
        var exchanges = try PlanValueMemoTests.zoneValues().mx.compactMap { MXValue($0.presentation)?.exchange }
        exchanges += try PlanValueMemoTests.wantedValues().filter { $0.type == "MX" }.compactMap {
            MXValue($0.value)?.exchange
        }
        exchanges += [
            "", ".", "..", "mx.example.com", "mx.example.com.", "MX.Example.COM.", "mx.example.com..", "mx.example.co",
            "mx.example.comm", "MX.EXAMPLE.COM", "mé.example.", "MÉ.example.", "mé.example", "\u{212A}.example.",
            "k.example.", "K.example", "mx1.example.com.", "mx[.example.com.", "mx{.example.com.", "@", "`",
        ]
        var same = 0
        for first in exchanges {
            for second in exchanges {
                let one = MXValue(preference: 10, exchange: first)
                let other = MXValue(preference: 20, exchange: second)
                let expected = one.exchangeKey == other.exchangeKey
                #expect(one.hasSameExchange(as: other) == expected, "\(first) \(second)")
                if expected, first != second { same += 1 }
            }
        }
        #expect(same > 10)
    }
}
