import Testing

@testable import MailZone

/// The declaration's per-sender short cuts against the general rules they stand for: a DKIM input's
/// `p=` check read as octets, and a preset name placed under a sender without the whole name checked
/// again.
@Suite("Declaration fast paths")
struct DeclarationFastPathTests {
    /// Key records of the real-zone corpus, and values that are not keys or not ASCII.
    static let dkimValues: [String] =
        DKIMPastedRealKeysTests.keyRecords + [
            "", ";", "p=", " p=abc", "\tp=abc", "v=DKIM1; k=rsa", "v=DKIM1;p=", "v=DKIM1;  \t p=MIIB",
            "v=DKIM1; P=abc", "v=DKIM1; pp=abc", "v=DKIM1; x=p=abc", "v=DKIM1;\u{00A0}p=abc", "v=DKIM1;\u{3000}p=abc",
            "v=DKIM1;\u{2003}\tp=abc", "v=DKIM1; é p=abc", "v=DKIM1;\u{301}p=abc", "v=DKIM1;\r\np=abc",
        ]

    @Test("hasKeyTag agrees with the Unicode reading on every corpus key and on crafted values")
    func keyTagAgrees() {
        #expect(DKIMPastedRealKeysTests.keyRecords.count >= 5)
        for value in Self.dkimValues {
            #expect(
                DeclarationValidator.hasKeyTag(value) == DeclarationValidator.hasKeyTagByScalars(value), "\(value)")
        }
        #expect(DeclarationValidator.hasKeyTag("v=DKIM1; p=abc"))
        #expect(!DeclarationValidator.hasKeyTag("v=DKIM1; k=rsa"))
    }

    @Test("appending(relative:) is the name written out and checked whole")
    func appendingAgrees() throws {
        let bases = ["example.com", "a.b.example.com", "x", String(repeating: "a", count: 63) + ".example.com"]
        let long = String(repeating: "b", count: 63)
        let relatives = [
            "@", "_dmarc", "qcloud._domainkey", "", ".", "x.", ".x", "a..b", "-a", "a-", "a_b", "é", "a b",
            "Mail.Example", String(repeating: "c", count: 64), "\(long).\(long).\(long)", "\(long).\(long)",
            "\(long).\(long).\(String(repeating: "d", count: 57))",
            // 253 octets in all under example.com, and one more.
            "\(long).\(long).\(long).\(String(repeating: "e", count: 49))",
            "\(long).\(long).\(long).\(String(repeating: "e", count: 50))",
        ]
        for baseText in bases {
            let base = try #require(DeclaredName(baseText))
            for relative in relatives {
                let whole = relative == "@" ? base : DeclaredName(relative + "." + base.text)
                #expect(base.appending(relative: relative) == whole, "\(relative) under \(baseText)")
            }
        }
    }
}
