import TestSupport
import Testing

@testable import MailAuth

struct DKIMComparisonTests {
    static let key = TestKeys.rsa2048
    static let otherKey = TestKeys.rsa4096

    @Test(arguments: [
        ("v=DKIM1; k=rsa; p=\(key)", ["v=DKIM1; k=rsa; p=\(key)"]),
        ("v=DKIM1; k=rsa; p=\(key)", ["v=DKIM1; k=rsa; p=\(key.prefix(200))", "\(key.dropFirst(200))"]),
        (
            "v=DKIM1; k=rsa; p=\(key)",
            ["v=DKIM1; k=rsa; p=\(key.prefix(100))", "\(key.dropFirst(100).prefix(100))", "\(key.dropFirst(200))"]
        ),
        ("v=DKIM1; k=rsa; p=\(key)", ["p=\(key)"]),
        ("v=DKIM1;k=rsa;p=\(key)", ["v=DKIM1; k=rsa; p=\(key.prefix(50)) \(key.dropFirst(50))"]),
        ("k=rsa; t=s; p=\(key)", ["p=\(key); t=s; k=RSA"]),
        ("v=DKIM1; s=email:*; p=\(key)", ["v=DKIM1; s=*:email; p=\(key)"]),
        ("v=DKIM1; h=sha256; p=\(key)", ["v=DKIM1; h= sha256 ; p=\(key)"]),
        ("v=DKIM1; s=*; p=\(key)", ["v=DKIM1; p=\(key)"]),
    ])
    func same(wanted: String, published: [String]) {
        #expect(DKIMComparison.compare(wanted: wanted, published: published) == .same)
    }

    @Test(arguments: [
        ("v=DKIM1; k=rsa; p=\(key)", ["v=DKIM1; k=rsa; p=\(otherKey)"], ["p"]),
        ("v=DKIM1; p=\(key)", ["v=DKIM1; t=y; p=\(key)"], ["t"]),
        ("v=DKIM1; h=sha256; p=\(key)", ["v=DKIM1; p=\(key)"], ["h"]),
        ("v=DKIM1; k=ed25519; p=\(TestKeys.ed25519)", ["v=DKIM1; k=rsa; p=\(key)"], ["k", "p"]),
        ("v=DKIM1; n=new; p=\(key)", ["v=DKIM1; p=\(key)"], ["n"]),
        ("v=DKIM1; p=\(key); x=1", ["v=DKIM1; p=\(key); x=2; y=3"], ["x", "y"]),
        ("v=DKIM1; p=\(key)", ["v=DKIM1; p="], ["p"]),
    ])
    func different(wanted: String, published: [String], tags: [String]) {
        #expect(DKIMComparison.compare(wanted: wanted, published: published) == .different(tags: tags))
    }

    @Test func invalidRecords() {
        #expect(
            DKIMComparison.compare(wanted: "v=DKIM1; p=\(Self.key)", published: ["v=DKIM1; p=a; p=b"])
                == .publishedInvalid(.duplicateTag(name: "p")))
        #expect(
            DKIMComparison.compare(wanted: "v=DKIM1; k=rsa", published: ["v=DKIM1; p=\(Self.key)"])
                == .wantedInvalid(.missingKey))
    }

    @Test func hasSameMeaning() throws {
        let one = try DKIMKeyRecord("v=DKIM1; k=rsa; p=\(Self.key)")
        let two = try DKIMKeyRecord(strings: ["p=\(Self.key.prefix(10))", "\(Self.key.dropFirst(10))"])
        #expect(one.hasSameMeaning(as: two))
        #expect(!one.hasSameMeaning(as: try DKIMKeyRecord("p=\(Self.otherKey)")))
    }
}
