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
    /// Runs for nearly every record, so it packs the upper-cased bytes into an integer and allocates nothing;
    /// it reads any collection of bytes, the loader's in place from the file.
    static func parse<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> RRClass? where Bytes.Index == Int {
        guard bytes.count >= 2, bytes.count <= 10 else { return nil }
        var packed: UInt64 = 0
        var index = bytes.startIndex
        while index < bytes.endIndex, index - bytes.startIndex < 5 {
            let byte = bytes[index]
            packed = packed << 8 | UInt64(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
            index += 1
        }
        if bytes.count <= 6 {
            var whole = packed
            if bytes.count == 6 {
                let byte = bytes[bytes.startIndex + 5]
                whole = whole << 8 | UInt64(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
            }
            switch whole {
            case 0x494E: return .in  // IN
            case 0x4348, 0x43_4841_4F53: return .ch  // CH, CHAOS
            case 0x4853, 0x4845_5349_4F44: return .hs  // HS, HESIOD
            case 0x4E4F_4E45: return RRClass.none  // NONE
            case 0x414E59: return RRClass.any  // ANY
            default: break
            }
        }
        // CLASSnnn (RFC 3597 §5).
        guard bytes.count > 5, packed == 0x43_4C41_5353 else { return nil }
        var value = 0
        for byte in bytes.dropFirst(5) {
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
