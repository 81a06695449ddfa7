/// Lower-cases the domain names embedded in RDATA for the types RFC 4034 §6.2 lists (as amended
/// by RFC 6840 §5.1, which drops NSEC), so two spellings of one record compare equal.
///
/// Which types, and where their names sit, comes from `RRTypeTable`: the walk steps over the
/// fixed fields and character-strings before each name and stops at the first part it cannot
/// step over (no listed type has a name after one). Wire data too short is lowered as far as it goes.
enum CanonicalRData {
    static func lowercase(type: RRType, wire: [UInt8]) -> [UInt8] {
        guard let description = RRTypeTable.description(for: type), description.lowercasesNames else { return wire }
        var result = wire
        var position = 0
        for field in description.fields {
            switch field.kind {
            case .name:
                while position < result.count {
                    let length = Int(result[position])
                    if length == 0 {
                        position += 1
                        break
                    }
                    var index = position + 1
                    while index <= position + length, index < result.count {
                        if result[index] >= 0x41, result[index] <= 0x5A { result[index] |= 0x20 }
                        index += 1
                    }
                    position += length + 1
                }
            case .characterString:
                if position < result.count { position += Int(result[position]) + 1 }
            case .optionalCharacterString, .characterStrings, .hex, .base64, .opaque:
                return result
            case .uint8, .uint16, .uint32, .period, .ipv4, .ipv6:
                position += field.wireSize ?? 0
            }
        }
        return result
    }
}
