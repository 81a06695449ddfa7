import Testing
import ZoneFile

@testable import MailAuth
@testable import MailZone

/// `SPFRecord.isSPF` and `DMARCRecord.isDMARC` read the text in place, and the near-miss finders leave out of the
/// scanner text that cannot start a version: each must answer as the general reading does, on every TXT record
/// of the real zones and on texts made to sit at the edges (case, spaces, combining marks, the Kelvin sign).
@Suite("TXT version checks")
struct TXTVersionChecksTests {
    /// `isSPF` as it was: the first seven octets copied, the first six decoded and lower-cased.
    static func generalIsSPF(_ text: String) -> Bool {
        let utf8 = Array(text.utf8.prefix(7))
        guard utf8.count >= 6, String(decoding: utf8.prefix(6), as: UTF8.self).lowercased() == "v=spf1" else {
            return false
        }
        return utf8.count == 6 || utf8[6] == UInt8(ascii: " ")
    }

    /// `isDMARC` as it was: the text split at its first `;`.
    static func generalIsDMARC(_ text: String) -> Bool {
        guard let first = text.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first,
            let equals = first.firstIndex(of: "=")
        else { return false }
        return TagList.trimFWS(first[..<equals]).lowercased() == "v"
            && TagList.trimFWS(first[first.index(after: equals)...]) == "DMARC1"
    }

    static let edges = [
        "", " ", "\t", "v", "V", "v=spf1", "V=SPF1", "v=Spf1 mx", "v=spf1 ", "v=spf1\t-all", "v=spf10", " v=spf1",
        "\tv=spf1 -all", "v=spf1;", "\u{212A}=spf1", "v=spf\u{0031} -all", "v\u{0301}=spf1 -all", "\u{0301}v=spf1",
        " \u{0301}v=spf1", "v=spf1\u{0301} -all", "é=spf1", "v=spfé", "\r\nv=spf1", "v=spfv1 mx ~all", "spf1 mx ~all",
        "Spf1 -all", "SPF1 -all", "v:spf1 -all", "v-spf1 -all", "v = spf1 a -all", "v=spf 1 -all", "=spf1 -all",
        "spf1-verification=abc123", "google-site-verification=abc123", "sv=spf1", "v=DMARC1", "v=DMARC1; p=none",
        " v = DMARC1 ; p=none", "V=DMARC1;", "v=dmarc1; p=none", "v:DMARC1; p=none", "DMARC1; p=none",
        "dmarc1; p=none", "v=DMARCv1; p=none", "v=DMARC1 p=none", "d=DMARC1", "v=DMARC1\u{0301}; p=none",
        "\u{0301}v=DMARC1", "v=DKIM1; k=rsa; p=MIGf", "v=dkim1; p=MIGf", "DKIM1; p=MIGf", "dkim1; p=MIGf",
        "v:DKIM1; p=MIGf", "k=rsa; p=MIGf", ";", "=", "v=", "v;",
    ]

    /// The texts of every TXT record of the real zones, and the edges.
    static func texts() throws -> [String] {
        var texts = edges
        for (_, _, zone) in try ZoneStateTests.corpusZones() {
            for record in zone.records where record.type == .txt {
                texts.append(StateRecord.text(of: record.rdata))
            }
        }
        return texts
    }

    @Test("isSPF and isDMARC answer as the general reading, on every real TXT record and the edges")
    func versionChecks() throws {
        var spf = 0
        var dmarc = 0
        for text in try Self.texts() {
            #expect(SPFRecord.isSPF(text) == Self.generalIsSPF(text), "\(text)")
            #expect(DMARCRecord.isDMARC(text) == Self.generalIsDMARC(text), "\(text)")
            if Self.generalIsSPF(text) { spf += 1 }
            if Self.generalIsDMARC(text) { dmarc += 1 }
        }
        #expect(spf > 10)
        #expect(dmarc > 5)
    }

    @Test("the near misses found without the scanner's every step are those it finds, on every real TXT record")
    func nearMisses() throws {
        var found = 0
        for text in try Self.texts() {
            let spf = NearMissRecord.spf(text, name: "@")
            #expect(spf == NearMissRecord.scannedSPF(text, name: "@"), "\(text)")
            for (word, right) in [("dmarc", "DMARC1"), ("dkim", "DKIM1")] {
                let quick = NearMissRecord.tagListVersion(text, word: word, right: right)
                let scanned = NearMissRecord.scannedTagListVersion(text, word: word, right: right)
                #expect(quick?.0 == scanned?.0 && quick?.1 == scanned?.1, "\(word): \(text)")
                if scanned != nil { found += 1 }
            }
            if spf != nil { found += 1 }
        }
        #expect(found > 10)
    }
}
