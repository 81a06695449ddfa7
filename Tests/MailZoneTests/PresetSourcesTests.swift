import Foundation
import TestSupport
import Testing

@testable import MailAuth
@testable import MailZone

/// Every value a built-in preset puts into a zone names where it comes from, so a reviewer can
/// check it against the service's own documentation; values no such document confirms are
/// marked `unconfirmed`, which `plan` and `presets NAME` repeat next to the record.
struct PresetSourcesTests {
    @Test func everyBuiltInValueHasASourceAndEveryPresetADate() throws {
        let catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
        var missing: [String] = []
        for definition in catalog.definitions {
            let preset = definition.preset
            if preset.checked == nil { missing.append("\(preset.name): no 'checked:' date") }
            if let spf = preset.spf, (spf.source ?? "").isEmpty {
                missing.append("\(preset.name): SPF include \(spf.include) has no source")
            }
            for record in preset.records where (record.source ?? "").isEmpty {
                missing.append("\(preset.name): \(record.name) \(record.type) \(record.value) has no source")
            }
        }
        #expect(missing == [])
    }

    /// An unconfirmed value says so in its source too: what it rests on instead of the service's word.
    @Test func anUnconfirmedValueSaysWhatItRestsOn() throws {
        let catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
        for definition in catalog.definitions {
            let preset = definition.preset
            let sources =
                preset.records.filter(\.unconfirmed).map(\.source)
                + [preset.spf].compactMap { $0 }.filter(\.unconfirmed).map(\.source)
            for source in sources {
                #expect(source?.hasPrefix("unconfirmed:") == true, "\(preset.name): \(source ?? "nil")")
            }
            // Unconfirmed in some variants only (a region): the source says which, and on what it rests.
            let partly =
                preset.records.filter { !$0.unconfirmed && !$0.unconfirmedWhen.isEmpty }.map(\.source)
                + [preset.spf].compactMap { $0 }.filter { !$0.unconfirmed && !$0.unconfirmedWhen.isEmpty }.map(\.source)
            for source in partly {
                #expect(source?.contains("unconfirmed") == true, "\(preset.name): \(source ?? "nil")")
            }
        }
    }

    @Test(arguments: ["2026-12-06", "1999-01-31"])
    func aCheckedDateIsYearMonthDay(_ text: String) {
        #expect(PresetDecoder.isDate(text))
    }

    @Test(arguments: ["2026-13-01", "2026-12-6", "06.12.2026", "2026-12-00", "２０２６-12-06", ""])
    func aCheckedDateThatIsNotOneIsRefused(_ text: String) {
        #expect(!PresetDecoder.isDate(text))
    }
}

/// `mailzone presets NAME` for every built-in preset, byte for byte: its sources, the date
/// they were checked, its parameters and its `unconfirmed` marks
/// (`Fixtures/presets/NAME.txt`, re-recorded with `MAILZONE_RECORD=1`).
struct PresetDetailGoldenTests {
    static let names = BuiltInPresets.files().map(\.name)

    @Test(arguments: names)
    func showsSourcesAndUnconfirmedMarks(_ name: String) throws {
        let catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
        let definition = try #require(catalog.preset(named: name))
        let golden = DeclarationFixtures.testsDirectory.appendingPathComponent("Fixtures/presets/\(name).txt")
        GoldenFile.assert(PresetReport.detail(definition), at: golden)
    }
}
