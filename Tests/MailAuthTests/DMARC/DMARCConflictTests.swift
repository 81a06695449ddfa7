import Testing

@testable import MailAuth

struct DMARCConflictTests {
    /// A subdomain sender weakening what it inherits: the fix names the declaration's two ways out.
    @Test func weakeningTheInheritedPolicy() throws {
        let weakening = try #require(
            DMARCInheritance.weakening(
                record: "v=DMARC1; p=quarantine", recordName: "_dmarc.shop", domain: "shop.example.org",
                organisationalDomain: "example.org",
                organisationalRecord: "v=DMARC1; p=reject; rua=mailto:d@example.org"))
        let conflict = DMARCConflict.weakensInherited(weakening)
        #expect(conflict.summary == weakening.summary)
        #expect(
            conflict.fix
                == "set `dmarc: { p: reject }` for this sender to publish the policy it inherits, or "
                + "`dmarc: { allow_weaker: true }` to publish p=quarantine anyway")
    }

    @Test func notWritableAsTXT() {
        let conflict = DMARCConflict.notWritable(reason: "why")
        #expect(conflict.summary == "the DMARC record cannot be written as TXT: why")
        #expect(conflict.fix == nil)
    }
}
