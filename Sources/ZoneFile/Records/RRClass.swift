/// A record class: `IN`, `CH`, `HS`, or `CLASSnnn` (RFC 3597 §5).
public struct RRClass: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let `in` = RRClass(rawValue: 1)
    public static let ch = RRClass(rawValue: 3)
    public static let hs = RRClass(rawValue: 4)
    public static let none = RRClass(rawValue: 254)
    public static let any = RRClass(rawValue: 255)

    /// Reads `IN`, `CH`, `CHAOS`, `HS`, `HESIOD`, `NONE`, `ANY`, `CLASSnnn` in any case.
    static func parse(_ bytes: ArraySlice<UInt8>) -> RRClass? {
        guard bytes.count >= 2, bytes.count <= 10 else { return nil }
        var upper: [UInt8] = []
        upper.reserveCapacity(bytes.count)
        for byte in bytes { upper.append(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte) }
        switch upper {
        case Array("IN".utf8): return .in
        case Array("CH".utf8), Array("CHAOS".utf8): return .ch
        case Array("HS".utf8), Array("HESIOD".utf8): return .hs
        case Array("NONE".utf8): return RRClass.none
        case Array("ANY".utf8): return RRClass.any
        default: break
        }
        guard upper.count > 5, upper.starts(with: Array("CLASS".utf8)) else { return nil }
        var value = 0
        for byte in upper.dropFirst(5) {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
            if value > 65535 { return nil }
        }
        return RRClass(rawValue: UInt16(value))
    }

    public var mnemonic: String {
        switch rawValue {
        case 1: "IN"
        case 3: "CH"
        case 4: "HS"
        case 254: "NONE"
        case 255: "ANY"
        default: "CLASS\(rawValue)"
        }
    }

    public var description: String { mnemonic }
}
