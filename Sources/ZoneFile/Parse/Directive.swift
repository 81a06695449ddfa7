/// The directive an entry's first word names (`$ORIGIN`, `$TTL`, `$INCLUDE`, `$GENERATE`), told from the
/// file's bytes.
///
/// The loader has always matched the word upper-cased as a Swift string, so that any case is a
/// directive. Building and upper-casing a string cost more than the rest of a small zone's directive;
/// a word of ASCII bytes (every directive of every real zone) is now compared byte by byte, its letters
/// folded, which is the same test. A word with other bytes is still upper-cased as a string, so that
/// what the string rules accept (`$orıgin`, with a dotless i) is still accepted.
enum Directive: Equatable {
    case origin
    case ttl
    case include
    case generate

    private static let names: [(Directive, [UInt8])] = [
        (.origin, Array("$ORIGIN".utf8)), (.ttl, Array("$TTL".utf8)), (.include, Array("$INCLUDE".utf8)),
        (.generate, Array("$GENERATE".utf8)),
    ]

    /// The directive `word` names, nil for none.
    init?(_ word: UnsafeBufferPointer<UInt8>) {
        guard word.allSatisfy({ $0 < 0x80 }) else {
            let upper = Array(String(decoding: word, as: UTF8.self).uppercased().utf8)
            guard let match = Directive.names.first(where: { $0.1 == upper }) else { return nil }
            self = match.0
            return
        }
        for (directive, name) in Directive.names where name.count == word.count {
            if zip(word, name).allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0) == $1 }) {
                self = directive
                return
            }
        }
        return nil
    }
}
