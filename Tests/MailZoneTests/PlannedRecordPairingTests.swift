import Foundation
import Testing

@testable import MailZone
@testable import ZoneFile

/// The edit check's pairing of the re-read's records with the plan's (`PlannedRecordPairing`) says yes only
/// where counting by meaning (`PlanCheck.recordProblem`) finds nothing, and says yes to the real zones'
/// right edits; a wrong edit is refused with the words counting by meaning gives.
@Suite struct PlannedRecordPairingTests {
    /// A corpus case planned with its declaration (`RealZoneCorpus.declaration(for:)`) and edited as
    /// `Planner.planAndEdit` does: the zone, its operations, and each edited file's edits by path.
    struct Edited {
        var zone: Zone
        var path: String
        var loadOptions: LoadOptions
        var operations: [RecordOperation]
        var edits: [String: [SourceEdit]]

        /// The edited texts read again, after `change` rewrote each file's edits.
        func reread(changing change: (inout [SourceEdit]) -> Void = { _ in }) throws -> ZoneReread {
            var texts: [String: EditedText] = [:]
            for file in zone.files {
                guard var fileEdits = edits[file.source.path] else { continue }
                change(&fileEdits)
                texts[file.source.path] = try EditedText(original: file.source.bytes, edits: fileEdits)
            }
            return PlanCheck.reread(zone, path: path, options: loadOptions, edited: texts)
        }
    }

    static func edited(_ corpusCase: RealZoneCorpus.Case) throws -> Edited {
        let folder = try ApplySupport.copy(corpusCase.folder)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try Data(RealZoneCorpus.declaration(for: corpusCase).utf8).write(
            to: folder.appendingPathComponent("mailzone.yaml"))
        let declaration = try ApplySupport.declaration(in: folder)
        let zoneDeclaration = try #require(declaration.zones.first)
        let path = declaration.path(of: zoneDeclaration)
        let origin = zoneDeclaration.origin.value.dnsName
        let loadOptions = Planner.loadOptions(origin: origin, includeRoot: nil)
        let zone = ZoneLoader.load(path: path, options: loadOptions)
        let senders = declaration.senders.indices.filter { declaration.senderZones[$0] == 0 }
        let state = Planner.planSenders(zone, senders: senders, origin: origin, path: path, declaration: declaration)
            .state
        let editor = ZoneEditor(zone: zone, origin: origin, ownership: state.ownership)
        let edits = try editor.edits(for: state.operations, serialScheme: nil, now: ApplySupport.now).edits
        var byPath: [String: [SourceEdit]] = [:]
        for (fileIndex, fileEdits) in edits { byPath[zone.files[fileIndex].source.path] = fileEdits }
        return Edited(zone: zone, path: path, loadOptions: loadOptions, operations: state.operations, edits: byPath)
    }

    @Test(arguments: RealZoneCorpus.cases())
    func pairsEveryRealZonesRightEdit(_ corpusCase: RealZoneCorpus.Case) throws {
        let edited = try Self.edited(corpusCase)
        #expect(!edited.operations.isEmpty)
        let reread = try edited.reread()
        #expect(reread.edited.errors.isEmpty)
        #expect(PlanCheck.recordProblem(old: edited.zone, reread: reread, operations: edited.operations) == nil)
        #expect(PlannedRecordPairing.pairs(old: edited.zone, reread: reread, operations: edited.operations))
    }

    @Test(arguments: RealZoneCorpus.cases())
    func refusesARealZonesWrongEdit(_ corpusCase: RealZoneCorpus.Case) throws {
        let edited = try Self.edited(corpusCase)
        // One letter of the DKIM key the editor wrote changed: the line still reads, as another key, in place
        // of the planned one; nothing else differs (same owners, types and number of records).
        let key = Array("p=MIIB".utf8)
        var changed = 0
        let reread = try edited.reread { edits in
            for index in edits.indices where changed == 0 {
                guard let at = Self.firstRange(of: key, in: edits[index].replacement) else { continue }
                edits[index].replacement[at.upperBound - 1] = UInt8(ascii: "C")
                changed += 1
            }
        }
        #expect(changed == 1)
        #expect(!PlannedRecordPairing.pairs(old: edited.zone, reread: reread, operations: edited.operations))
        let problem = PlanCheck.problem(old: edited.zone, reread: reread, operations: edited.operations, serial: nil)
        #expect(problem == PlanCheck.recordProblem(old: edited.zone, reread: reread, operations: edited.operations))
        #expect(problem?.contains("the edited text lacks qcloud._domainkey.") == true)
        #expect(problem?.contains("p=MIIC") == true)
    }

    static func firstRange(of needle: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).lazy.map { $0..<($0 + needle.count) }
            .first { bytes[$0].elementsEqual(needle) }
    }

    /// Written with the owner in capitals, a record is the planned one (names compare ASCII case ignored);
    /// written with other data in its place, it is not, though owner, type and count agree.
    @Test func pairsByMeaningNotByWriting() throws {
        let old = PlanCheckTests.old
        let zone = ZoneLoader.load(text: old, path: "db")
        let operations = try PlanCheckTests.operations()
        func reread(_ edited: String) -> ZoneReread {
            var options = LoadOptions()
            options.overrides = ["db": Array(edited.utf8)]
            return PlanCheck.reread(zone, path: "db", options: options)
        }
        let capitals = reread(old + "_DMARC.Example.COM. TXT ( \"v=DMARC1; p=none\" )\n")
        #expect(PlannedRecordPairing.pairs(old: zone, reread: capitals, operations: operations))
        #expect(PlanCheck.recordProblem(old: zone, reread: capitals, operations: operations) == nil)

        let other = reread(old + "_dmarc TXT \"v=DMARC1; p=reject\"\n")
        #expect(!PlannedRecordPairing.pairs(old: zone, reread: other, operations: operations))
        #expect(
            PlanCheck.problem(old: zone, reread: other, operations: operations, serial: nil)
                == "the edited zone's records differ from the plan: the edited text lacks _dmarc.example.com. TXT "
                + "\"v=DMARC1; p=none\"; it has records the plan does not add: _dmarc.example.com. TXT "
                + "\"v=DMARC1; p=reject\" (db:7)")
    }
}
