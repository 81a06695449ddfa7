/// Reads TTLs as BIND does: plain seconds, or numbers with units `w d h m s` in
/// any case and order (`1w2d3h4m5s`, `1h30m`, `30m1h`).
enum TTLParser {
    enum Failure: Error, Equatable {
        /// A unit letter that is not w, d, h, m or s.
        case unknownUnit(UInt8)
        /// A unit with no number before it, or not a number at all.
        case notANumber
        /// Larger than 32 bits.
        case overflow
    }

    /// True when the token starts like a TTL (a digit): types and classes never do.
    @inline(__always)
    static func looksLikeTTL(_ first: UInt8) -> Bool { first >= 0x30 && first <= 0x39 }

    static func parse<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Result<UInt32, Failure> {
        var total: UInt64 = 0
        var current: UInt64 = 0
        var digits = 0
        var sawUnit = false
        for byte in bytes {
            if byte >= 0x30, byte <= 0x39 {
                current = current * 10 + UInt64(byte - 0x30)
                digits += 1
                if current > UInt64(UInt32.max) { return .failure(.overflow) }
                continue
            }
            let multiplier: UInt64
            switch byte | 0x20 {
            case UInt8(ascii: "w"): multiplier = 604_800
            case UInt8(ascii: "d"): multiplier = 86_400
            case UInt8(ascii: "h"): multiplier = 3_600
            case UInt8(ascii: "m"): multiplier = 60
            case UInt8(ascii: "s"): multiplier = 1
            default: return .failure(.unknownUnit(byte))
            }
            guard digits > 0 else { return .failure(.notANumber) }
            total += current * multiplier
            if total > UInt64(UInt32.max) { return .failure(.overflow) }
            current = 0
            digits = 0
            sawUnit = true
        }
        if digits > 0 {
            total += current
        } else if !sawUnit {
            return .failure(.notANumber)
        }
        guard total <= UInt64(UInt32.max) else { return .failure(.overflow) }
        return .success(UInt32(total))
    }
}
