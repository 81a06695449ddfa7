/// RFC 1035 character-strings (§3.3: a length octet and at most 255 octets) in wire form.
public enum CharacterString {
    /// The longest character-string: its length is one octet.
    public static let maxOctets = 255

    /// The string that starts at `position` and where it ends; nil when it runs off the end.
    static func read(_ wire: [UInt8], at position: Int) -> (string: [UInt8], end: Int)? {
        guard position < wire.count else { return nil }
        let end = position + 1 + Int(wire[position])
        guard end <= wire.count else { return nil }
        return (Array(wire[(position + 1)..<end]), end)
    }

    /// Every string in `wire`, one after the other; a last string cut short by the end of the data
    /// is kept as far as it goes.
    static func strings(in wire: [UInt8]) -> [[UInt8]] {
        var strings: [[UInt8]] = []
        var index = 0
        while index < wire.count {
            let end = min(wire.count, index + 1 + Int(wire[index]))
            strings.append(Array(wire[(index + 1)..<end]))
            index = end
        }
        return strings
    }
}
