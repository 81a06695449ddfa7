import Foundation
import Testing

@testable import MailAuth
@testable import MailZone

/// Preset inputs with a default and a fixed set of values (a region, a DKIM domain): the
/// default fills in when the user gives none, a value outside the set is refused with the
/// nearest one suggested, and a mapping turns the user's word into the text the records need.
struct PresetParameterTests {
    static func load(_ services: String) throws -> Declaration {
        try OneSenderDeclaration.load(services: services)
    }

    static func errors(_ services: String) -> [String] { OneSenderDeclaration.errors(services: services) }

    @Test func aDefaultFillsInAMissingInput() throws {
        let declaration = try Self.load(
            "      - preset: aws-ses\n        inputs: { token1: t1, token2: t2, token3: t3 }")
        #expect(
            declaration.expanded[0].records.map(\.value)
                == ["t1.dkim.amazonses.com.", "t2.dkim.amazonses.com.", "t3.dkim.amazonses.com."])
    }

    @Test func aGivenValueReplacesTheDefault() throws {
        let declaration = try Self.load(
            "      - preset: aws-ses\n"
                + "        inputs: { token1: t1, token2: t2, token3: t3, region: af-south-1 }")
        #expect(declaration.expanded[0].records.map(\.value).first == "t1.dkim.af-south-1.amazonses.com.")
    }

    @Test func aMappedValueGivesTheRecordsItsText() throws {
        let eu = try Self.load(
            "      - preset: mailgun\n        dkim: { key: \"k=rsa; p=AAAA\" }\n"
                + "        inputs: { dkim_selector: krs, region: eu }")
        #expect(
            eu.expanded[0].records.map { "\($0.owner) \($0.type) \($0.value)" }.last?.hasSuffix("CNAME eu.mailgun.org.")
                == true)
        let us = try Self.load(
            "      - preset: mailgun\n        dkim: { key: \"k=rsa; p=AAAA\" }\n"
                + "        inputs: { dkim_selector: krs }")
        #expect(us.expanded[0].records.last?.value == "mailgun.org.")
    }

    @Test func aValueOutsideTheSetIsRefusedWithTheNearest() {
        let errors = Self.errors(
            "      - preset: mailgun\n        dkim: { key: \"k=rsa; p=AAAA\" }\n"
                + "        inputs: { dkim_selector: krs, region: ew }")
        #expect(
            errors.first == "mailzone.yaml:7:47: error: the mailgun input 'region' cannot be 'ew'; did you mean 'eu'?\n"
                + "    fix: its values are 'us' and 'eu'")
    }
}
