/// Lower-cases the domain names embedded in RDATA for the types RFC 4034 §6.2
/// lists (as amended by RFC 6840 §5.1, which drops NSEC), so two spellings of
/// one record compare equal.
enum CanonicalRData {
    static func lowercase(type: RRType, wire: [UInt8]) -> [UInt8] {
        var result = wire
        var position = 0
        func name() {
            while position < result.count {
                let length = Int(result[position])
                if length == 0 {
                    position += 1
                    return
                }
                var index = position + 1
                while index <= position + length, index < result.count {
                    if result[index] >= 0x41, result[index] <= 0x5A { result[index] |= 0x20 }
                    index += 1
                }
                position += length + 1
            }
        }
        func skip(_ count: Int) { position += count }
        func characterString() {
            if position < result.count { position += Int(result[position]) + 1 }
        }
        switch type {
        case .ns, .md, .mf, .cname, .mb, .mg, .mr, .ptr, .dname:
            name()
        case .soa, .minfo, .rp:
            name()
            name()
        case .mx, .afsdb, .rt, .kx:
            skip(2)
            name()
        case .px:
            skip(2)
            name()
            name()
        case .srv:
            skip(6)
            name()
        case .naptr:
            skip(4)
            characterString()
            characterString()
            characterString()
            name()
        case .rrsig, .sig:
            skip(18)
            name()
        default:
            break
        }
        return result
    }
}
