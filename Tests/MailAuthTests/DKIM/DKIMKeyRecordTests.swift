import TestSupport
import Testing

@testable import MailAuth

struct DKIMKeyRecordTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var record: String
        var problems: [DKIMProblem]
        var testDescription: String { label }
    }

    /// The 2048-bit key with folding whitespace every 64 characters, as some consoles show it.
    static let foldedKey = stride(from: 0, to: TestKeys.rsa2048.count, by: 64).map { offset in
        let start = TestKeys.rsa2048.index(TestKeys.rsa2048.startIndex, offsetBy: offset)
        let end =
            TestKeys.rsa2048.index(start, offsetBy: 64, limitedBy: TestKeys.rsa2048.endIndex)
            ?? TestKeys.rsa2048.endIndex
        return String(TestKeys.rsa2048[start..<end])
    }.joined(separator: " \t")

    @Test(arguments: [
        Case(label: "2048-bit", record: "v=DKIM1; k=rsa; p=\(TestKeys.rsa2048)", problems: []),
        Case(label: "4096-bit", record: "v=DKIM1; k=rsa; p=\(TestKeys.rsa4096)", problems: []),
        Case(
            label: "1024-bit warns", record: "v=DKIM1; p=\(TestKeys.rsa1024)",
            problems: [.keyShorterThanRecommended(bits: 1024)]),
        Case(
            label: "bare RSAPublicKey", record: "p=\(TestKeys.rsa1024PKCS1)",
            problems: [.keyShorterThanRecommended(bits: 1024)]),
        Case(
            label: "512-bit fails", record: "v=DKIM1; k=rsa; p=\(TestKeys.rsa512)", problems: [.keyTooShort(bits: 512)]),
        Case(label: "Ed25519", record: "v=DKIM1; k=ed25519; p=\(TestKeys.ed25519)", problems: []),
        Case(
            label: "Ed25519 in SPKI", record: "v=DKIM1; k=ed25519; p=\(TestKeys.ed25519SPKI)",
            problems: [.unreadableKey(keyType: "Ed25519", reason: "44 bytes where RFC 8463 wants the 32 raw key bytes")]
        ),
        Case(label: "revoked", record: "v=DKIM1; p=", problems: [.revoked]),
        Case(label: "whitespace everywhere", record: " v = DKIM1 ;\tk = rsa ; p = \(foldedKey) ; ", problems: []),
        Case(label: "no v=", record: "k=rsa; p=\(TestKeys.rsa2048)", problems: []),
        Case(
            label: "unknown tags ignored", record: "v=DKIM1; p=\(TestKeys.rsa2048); x_custom=1; V=DKIM2", problems: []),
        Case(label: "notes", record: "v=DKIM1; n=rotated in 2026; p=\(TestKeys.rsa2048)", problems: []),
        Case(label: "h with sha256", record: "v=DKIM1; h=sha1:sha256; p=\(TestKeys.rsa2048)", problems: []),
        Case(
            label: "h sha1 only", record: "v=DKIM1; h=sha1; p=\(TestKeys.rsa2048)",
            problems: [.noUsableHashAlgorithm("sha1")]),
        Case(label: "s email", record: "v=DKIM1; s=email; p=\(TestKeys.rsa2048)", problems: []),
        Case(label: "s *", record: "v=DKIM1; s=*; p=\(TestKeys.rsa2048)", problems: []),
        Case(label: "s other", record: "v=DKIM1; s=tlsrpt; p=\(TestKeys.rsa2048)", problems: [.notForEmail("tlsrpt")]),
        Case(label: "t flags", record: "v=DKIM1; t=y:s; p=\(TestKeys.rsa2048)", problems: []),
        Case(label: "unknown k", record: "v=DKIM1; k=dsa; p=\(TestKeys.rsa2048)", problems: [.unknownKeyType("dsa")]),
        Case(
            label: "RSA key under k=ed25519", record: "k=ed25519; p=\(TestKeys.rsa2048)",
            problems: [
                .unreadableKey(keyType: "Ed25519", reason: "294 bytes where RFC 8463 wants the 32 raw key bytes")
            ]),
        Case(
            label: "Ed25519 key under k=rsa", record: "k=rsa; p=\(TestKeys.ed25519)",
            problems: [.unreadableKey(keyType: "RSA", reason: "not DER SubjectPublicKeyInfo or RSAPublicKey")]),
        // Records verifiers discard.
        Case(label: "v not first", record: "k=rsa; v=DKIM1; p=\(TestKeys.rsa2048)", problems: [.versionNotFirst]),
        Case(label: "v wrong", record: "v=DKIM2; p=\(TestKeys.rsa2048)", problems: [.unknownVersion("DKIM2")]),
        Case(
            label: "v lower case value", record: "v=dkim1; p=\(TestKeys.rsa2048)", problems: [.unknownVersion("dkim1")]),
        Case(label: "no p", record: "v=DKIM1; k=rsa", problems: [.missingKey]),
        Case(label: "tag names are case-sensitive", record: "v=DKIM1; P=\(TestKeys.rsa2048)", problems: [.missingKey]),
        Case(
            label: "duplicate tag", record: "v=DKIM1; p=\(TestKeys.rsa2048); p=", problems: [.duplicateTag(name: "p")]),
        Case(label: "bad base64", record: "v=DKIM1; p=MIIB!!!", problems: [.invalidBase64]),
        Case(label: "empty tag", record: "v=DKIM1;; p=abc", problems: [.syntax(reason: "tag 2 is empty")]),
        Case(label: "no equals", record: "v=DKIM1; rsa; p=abc", problems: [.syntax(reason: "\"rsa\" has no \"=\"")]),
        Case(
            label: "bad name", record: "v=DKIM1; 1k=rsa; p=abc", problems: [.syntax(reason: "\"1k\" is not a tag name")]
        ),
        Case(
            label: "hyphen in a tag name", record: "v=DKIM1; x-custom=1; p=abc",
            problems: [.syntax(reason: "\"x-custom\" is not a tag name")]),
        Case(label: "empty text", record: "", problems: [.syntax(reason: "tag 1 is empty")]),
    ])
    func validates(_ test: Case) {
        #expect(DKIMKeyRecord.problems(in: test.record) == test.problems)
    }

    @Test func readsTags() throws {
        let record = try DKIMKeyRecord(
            "v=DKIM1; k=RSA; h=sha256 : sha1; s=email; t=y:s; n=  two   words ; p=\(Self.foldedKey)")
        #expect(record.version == "DKIM1")
        #expect(record.keyType == "rsa")
        #expect(record.hashAlgorithms == ["sha256", "sha1"])
        #expect(record.serviceTypes == ["email"])
        #expect(record.flags == ["y", "s"])
        #expect(record.notes == "two words")
        #expect(record.publicKeyBase64 == TestKeys.rsa2048)
        #expect(try record.publicKey() == .rsa(bits: 2048))
        #expect(record.tags.map(\.name) == ["v", "k", "h", "s", "t", "n", "p"])
    }

    @Test func defaults() throws {
        let record = try DKIMKeyRecord("p=\(TestKeys.rsa2048)")
        #expect(record.version == nil)
        #expect(record.keyType == "rsa")
        #expect(record.hashAlgorithms == nil)
        #expect(record.serviceTypes == ["*"])
        #expect(record.flags == [])
        #expect(!record.isRevoked)
    }

    @Test func revokedKeyHasNoPublicKey() throws {
        let record = try DKIMKeyRecord("v=DKIM1; k=rsa; p=")
        #expect(record.isRevoked)
        #expect(try record.publicKey() == nil)
    }

    @Test func readsA4096BitKeySplitOverStrings() throws {
        let strings = try TXTPresentation.split("v=DKIM1; k=rsa; p=\(TestKeys.rsa4096)")
        #expect(strings.count == 3)  // 18 + 736 octets
        let record = try DKIMKeyRecord(strings: strings)
        #expect(try record.publicKey() == .rsa(bits: 4096))
    }

    @Test(arguments: [
        (
            DKIMProblem.versionNotFirst,
            "DKIM key record has v= but not as its first tag; copy the record again from the service's console"
        ),
        (
            .duplicateTag(name: "p"),
            "DKIM key record has the tag p= twice, which makes it invalid; copy the record again from the service's console"
        ),
        (.missingKey, "DKIM key record has no p= tag; copy the record again from the service's console"),
        (
            .revoked,
            "DKIM key record has an empty p=, which means the key is revoked; publish the current key, or remove the selector if it is no longer used"
        ),
        (.invalidBase64, "DKIM key record's p= is not valid base64; copy the record again from the service's console"),
        (
            .noUsableHashAlgorithm("sha1"),
            "DKIM key record has h=sha1, which allows no hash verifiers accept (sha256); remove h= or write h=sha256"
        ),
        (
            .notForEmail("tlsrpt"),
            "DKIM key record has s=tlsrpt, which does not allow email; remove s= or write s=email"
        ),
        (
            .unknownKeyType("dsa"),
            "DKIM key record has k=dsa; verifiers know only rsa and ed25519; copy the record again from the service's console"
        ),
    ])
    func messages(problem: DKIMProblem, message: String) {
        #expect(problem.message == message)
    }
}
