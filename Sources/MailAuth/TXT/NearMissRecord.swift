/// A TXT record that was meant as an SPF, DMARC or DKIM key record but misspells its version
/// (`v=spfv1`, `spf1` without `v=`, `v=dmarc1`, `v=DKIM1` without its `;`, a leading space), so
/// receivers ignore it.
///
/// Adding the service's record beside such a record would leave two records where the owner
/// meant one, and hide the typo; the planner stops with this conflict instead, pointing at
/// the record and giving it corrected. A text is a near miss only when the corrected record
/// reads as a valid one, so that an unrelated TXT (a verification token) is never taken for one.
public struct NearMissRecord: MailAuthDiagnostic, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case spf = "SPF record"
        case dmarc = "DMARC record"
        case dkim = "DKIM key record"

        /// How a record of this kind starts.
        var version: String {
            switch self {
            case .spf: return "v=spf1 "
            case .dmarc: return "v=DMARC1;"
            case .dkim: return "v=DKIM1;"
            }
        }

        var readers: String { self == .dkim ? "verifiers" : "receivers" }
        var article: String { self == .spf ? "an" : "a" }
    }

    public var kind: Kind
    /// The name the record is at, as the plan shows it (`@`, `_dmarc`).
    public var name: String
    /// The misspelt beginning as written (`v=spfv1`, `DMARC1`).
    public var written: String
    /// The whole record with its version spelt right.
    public var corrected: String

    public var severity: MailAuthSeverity { .error }

    public var summary: String {
        "\(name) has a TXT record that is almost \(kind.article) \(kind.rawValue): it starts \"\(written)\" instead of "
            + "\"\(kind.version.trimmingSuffixSpace)\", so \(kind.readers) ignore it; mailzone does not "
            + (kind == .dkim ? "replace it or add a second one beside it" : "add a second \(kind.rawValue) beside it")
    }

    public var fix: String? {
        "correct the record to \"\(corrected)\", then plan again"
    }

    // MARK: Finding them

    /// The SPF record `text` was meant to be, when it misspells `v=spf1`: a leading space,
    /// `v=spfv1`, `v = spf1`, `v:spf1`, `spf1` without `v=`, no space after the version.
    public static func spf(_ text: String, name: String) -> NearMissRecord? {
        guard VersionScanner.mayStartVersion(text, word: "spf") else { return nil }
        return scannedSPF(text, name: name)
    }

    /// `spf(_:name:)` read through the scanner, whatever the text starts with.
    static func scannedSPF(_ text: String, name: String) -> NearMissRecord? {
        guard !SPFRecord.isSPF(text) else { return nil }
        var scanner = VersionScanner(text)
        scanner.skipSpaces()
        let hasV = scanner.take("v")
        scanner.skipSpaces()
        let hasSeparator = scanner.take("=") || scanner.take(":") || scanner.take("-")
        scanner.skipSpaces()
        guard hasV == hasSeparator, scanner.take("spf") else { return nil }
        _ = scanner.take("v")
        scanner.skipSpaces()
        guard scanner.take("1") else { return nil }
        let rest = scanner.rest.trimmingSpaces
        let corrected = rest.isEmpty ? "v=spf1" : "v=spf1 " + rest
        guard let record = SPFRecord(corrected), !record.problems.contains(where: { $0.severity == .error }) else {
            return nil
        }
        return NearMissRecord(kind: .spf, name: name, written: scanner.writtenWord, corrected: corrected)
    }

    /// The DMARC record `text` was meant to be, when it misspells `v=DMARC1;`: `v=dmarc1`,
    /// `v:DMARC1`, `DMARC1` without `v=`, `v=DMARCv1`, no `;` after the version.
    public static func dmarc(_ text: String, name: String) -> NearMissRecord? {
        guard !DMARCRecord.isDMARC(text),
            let (written, corrected) = tagListVersion(text, word: "dmarc", right: "DMARC1")
        else { return nil }
        guard (try? DMARCRecord(corrected)) != nil else { return nil }
        return NearMissRecord(kind: .dmarc, name: name, written: written, corrected: corrected)
    }

    /// The DKIM key record `text` was meant to be, when it misspells `v=DKIM1;` (`v=dkim1`,
    /// `DKIM1` without `v=`, no `;` after the version) and is otherwise a valid key record.
    public static func dkim(_ text: String, name: String) -> NearMissRecord? {
        guard (try? DKIMKeyRecord(text)) == nil,
            let (written, corrected) = tagListVersion(text, word: "dkim", right: "DKIM1")
        else { return nil }
        guard (try? DKIMKeyRecord(corrected)) != nil else { return nil }
        return NearMissRecord(kind: .dkim, name: name, written: written, corrected: corrected)
    }

    /// For a tag list (DMARC, DKIM) whose first tag misspells `v=RIGHT`: what was written up to
    /// the end of the version, and the text with `v=RIGHT; ` in its place.
    static func tagListVersion(_ text: String, word: String, right: String) -> (String, String)? {
        guard VersionScanner.mayStartVersion(text, word: word) else { return nil }
        return scannedTagListVersion(text, word: word, right: right)
    }

    /// `tagListVersion(_:word:right:)` read through the scanner, whatever the text starts with.
    static func scannedTagListVersion(_ text: String, word: String, right: String) -> (String, String)? {
        var scanner = VersionScanner(text)
        scanner.skipSpaces()
        let hasV = scanner.take("v")
        scanner.skipSpaces()
        let hasSeparator = scanner.take("=") || scanner.take(":")
        scanner.skipSpaces()
        guard hasV == hasSeparator, scanner.take(word) else { return nil }
        _ = scanner.take("v")
        scanner.skipSpaces()
        guard scanner.take("1") else { return nil }
        let written = scanner.written
        var rest = Substring(scanner.rest).drop { $0 == " " || $0 == "\t" }
        if rest.first == ";" { rest = rest.dropFirst() }
        let tags = String(rest).trimmingSpaces
        return (written, tags.isEmpty ? "v=\(right)" : "v=\(right); \(tags)")
    }
}

/// Reads a record's version from its start, letters compared without case.
private struct VersionScanner {
    let characters: [Character]
    var index = 0

    init(_ text: String) { characters = Array(text) }

    /// Whether `text` may start a misspelt version: after spaces and tabs, its first octet is a `v` or the first
    /// letter of `word`, in any case. No other text gets past the scanner's first steps (only `V` and `v`
    /// lower-case to `v`, and a letter of `word` to itself), so it is not made an array of characters.
    static func mayStartVersion(_ text: String, word: String) -> Bool {
        guard let letter = word.utf8.first else { return true }
        for octet in text.utf8 where octet != UInt8(ascii: " ") && octet != UInt8(ascii: "\t") {
            return octet | 0x20 == UInt8(ascii: "v") || octet | 0x20 == letter | 0x20
        }
        return false
    }

    mutating func skipSpaces() {
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
    }

    /// Consumes `word` if the text continues with it, in any case.
    mutating func take(_ word: String) -> Bool {
        let word = Array(word)
        guard index + word.count <= characters.count,
            zip(characters[index..<index + word.count], word).allSatisfy({ $0.lowercased() == $1.lowercased() })
        else { return false }
        index += word.count
        return true
    }

    /// What was read so far.
    var written: String { String(characters[..<index]) }
    /// What was read so far and the rest of its word (`v=spf1mx` when the space is missing).
    var writtenWord: String {
        var end = index
        while end < characters.count, characters[end] != " " { end += 1 }
        return String(characters[..<end])
    }
    var rest: String { String(characters[index...]) }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    fileprivate var trimmingSuffixSpace: String { hasSuffix(" ") ? String(dropLast()) : self }
}
