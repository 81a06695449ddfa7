import Foundation
import MailAuth
import Testing
import ZoneFile

@testable import MailZone

/// Every DKIM key record of the real-zone corpus (Fixtures/RealZones), pasted the ways people paste
/// it: as the tag list alone (read as it stands, without unwrapping, but for blanks at its ends), in
/// quotes split into strings, and in parentheses over several lines with a comment. Each form is the
/// one value the zone holds, and that value reads as the same key record.
struct DKIMPastedRealKeysTests {
    /// The DKIM key records (`v=DKIM1` TXT values, strings joined) of the corpus zones, each once.
    static let keyRecords: [String] = {
        var values: [String] = []
        for corpusCase in RealZoneCorpus.cases() {
            guard let origin = try? DomainName(parsing: corpusCase.origin) else { continue }
            let path = corpusCase.folder.appendingPathComponent(corpusCase.zone).path
            let zone = ZoneLoader.load(path: path, options: LoadOptions(origin: origin))
            for record in zone.records where record.type == .txt {
                let value = record.rdata.characterStrings.map { String(decoding: $0, as: UTF8.self) }.joined()
                if value.hasPrefix("v=DKIM1"), !values.contains(value) { values.append(value) }
            }
        }
        return values
    }()

    @Test func theCorpusHasKeys() {
        #expect(Self.keyRecords.count >= 5)
    }

    @Test(arguments: keyRecords)
    func everyPastedFormIsTheValue(_ value: String) throws {
        let strings = CharacterString.split(value, maxOctets: 100).map {
            CharacterString.quoted($0.utf8, keepingUTF8: true)
        }
        // The tag list alone loses the blanks at its ends (a paste's, as far as a reader can tell); the
        // quoted forms keep them inside the quotes.
        let pasted = [
            (value, value.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))),
            (strings.joined(separator: " "), value),
            ("( " + strings.joined(separator: "\n\t\t") + " )  ; DKIM key from the console", value),
        ]
        let record = Result { () throws(DKIMProblem) in try DKIMKeyRecord(value) }
        for (form, expected) in pasted {
            let normalized = DKIMPastedValue.normalize(form, what: "the key")
            #expect(normalized == .success(expected), "\(form)")
            let read = try normalized.get()
            #expect(Result { () throws(DKIMProblem) in try DKIMKeyRecord(read) } == record)
        }
    }
}
