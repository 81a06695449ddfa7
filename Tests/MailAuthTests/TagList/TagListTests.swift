import TestSupport
import Testing

@testable import MailAuth

/// The tag-list syntax DKIM and DMARC share (RFC 6376 §3.2), read byte by byte: what each kind of
/// input gives, so a faster reader reads exactly what the slower one did.
struct TagListTests {
    @Test(arguments: [
        ("v=DKIM1; k=rsa; p=ABC", [("v", "DKIM1"), ("k", "rsa"), ("p", "ABC")]),
        (" v = DKIM1 ;\tk = rsa ; p = AB C ; ", [("v", "DKIM1"), ("k", "rsa"), ("p", "AB C")]),
        ("v=DKIM1;\r\n\tp=AB\r\n CD;", [("v", "DKIM1"), ("p", "AB\r\n CD")]),
        ("p=", [("p", "")]),
        ("a_1=x:y", [("a_1", "x:y")]),
        ("n=a=b", [("n", "a=b")]),
    ])
    func readsTagsAndValues(_ text: String, _ expected: [(String, String)]) throws {
        let specs = try TagList.parse(text).get()
        #expect(specs.map(\.name) == expected.map(\.0))
        #expect(specs.map(\.value) == expected.map(\.1))
    }

    @Test(arguments: [
        ("", TagListError.emptyTag(position: 1)),
        (";", .emptyTag(position: 1)),
        ("v=DKIM1;;p=A", .emptyTag(position: 2)),
        ("v=DKIM1; ; ", .emptyTag(position: 2)),
        ("v=DKIM1; p", .missingEquals(spec: "p")),
        ("v=DKIM1; 1p=A", .invalidName(name: "1p")),
        ("v=DKIM1; p-q=A", .invalidName(name: "p-q")),
        ("=A", .invalidName(name: "")),
        ("v=DKIM1; n=caf\u{E9}", .invalidValue(name: "n", value: "caf\u{E9}")),
        ("v=DKIM1; n\u{E9}=x", .invalidName(name: "n\u{E9}")),
        ("v=DKIM1; p=A\u{7F}", .invalidValue(name: "p", value: "A\u{7F}")),
    ])
    func refusesWhatIsNotATagList(_ text: String, _ error: TagListError) {
        #expect(TagList.parse(text) == .failure(error))
    }

    @Test func foldingWhitespaceLeavesABase64Key() {
        #expect(TagList.removingFWS(" MIIB\r\n\tIjAN BgkqhkiG9w0B ") == "MIIBIjANBgkqhkiG9w0B")
        #expect(TagList.removingFWS("MIIBIjAN") == "MIIBIjAN")
        #expect(TagList.removingFWS("caf\u{E9} \u{1F600}") == "caf\u{E9}\u{1F600}")
    }

    /// Real keys (Tests/MailAuthTests/DKIM/TestKeys.swift), whole and folded as consoles show them: the
    /// key read back is the base64 with the whitespace gone.
    @Test(arguments: [TestKeys.rsa1024, TestKeys.rsa2048, TestKeys.rsa4096, TestKeys.ed25519])
    func realKeysReadWholeAndFolded(_ key: String) throws {
        let folded = stride(from: 0, to: key.utf8.count, by: 60).map { offset in
            String(key.dropFirst(offset).prefix(60))
        }.joined(separator: "\r\n\t")
        for text in ["v=DKIM1; p=\(key)", "v=DKIM1; k=rsa; p=\(folded) ;"] {
            let specs = try TagList.parse(text).get()
            #expect(specs.last?.name == "p")
            #expect(specs.last.map { TagList.removingFWS($0.value) } == key)
        }
    }
}
