import Foundation

/// Address syntax for `ip4:` and `ip6:` (RFC 7208 §5.6, which takes RFC 4291's text form).
enum IPAddressSyntax {
    /// Dotted quad, each part 0–255 without leading zeros (`qnum` in RFC 7208's ABNF).
    static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { part in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part == "0" || part.first != "0", let value = Int(part)
            else { return false }
            return value <= 255
        }
    }

    /// RFC 4291 §2.2: eight groups of 1–4 hex digits, one `::` standing for one or more zero
    /// groups, and optionally a dotted quad as the last 32 bits.
    static func isIPv6(_ text: Substring) -> Bool {
        let halves = text.components(separatedBy: "::")
        switch halves.count {
        case 1:
            guard let groups = groupCount(Substring(halves[0])) else { return false }
            return groups == 8
        case 2:
            var total = 0
            for (index, half) in halves.enumerated() where !half.isEmpty {
                // Only the right half may end with a dotted quad.
                guard let groups = groupCount(Substring(half), allowIPv4: index == 1)
                else { return false }
                total += groups
            }
            return total <= 7
        default:
            return false
        }
    }

    /// Groups in a `:`-separated run with no empty group; a final dotted quad counts as two.
    private static func groupCount(_ run: Substring, allowIPv4: Bool = true) -> Int? {
        let groups = run.split(separator: ":", omittingEmptySubsequences: false)
        var count = 0
        for (index, group) in groups.enumerated() {
            if index == groups.count - 1, allowIPv4, group.contains(".") {
                guard isIPv4(group) else { return nil }
                count += 2
                continue
            }
            guard (1...4).contains(group.count), group.allSatisfy({ $0.isHexDigit && $0.isASCII }) else { return nil }
            count += 1
        }
        return count
    }
}
