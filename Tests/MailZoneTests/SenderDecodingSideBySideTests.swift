import Foundation
import Testing

@testable import MailZone

/// Senders decoded in two halves side by side (`DeclarationDecoder.decodeSenders`) must be the
/// senders decoded one by one, with the same problems in the same order: on every declaration of the
/// repository (valid and invalid, Domain Connect ones included), each cut in two from its second sender.
@Suite struct SenderDecodingSideBySideTests {
    /// The draft's senders and every problem, decoded one by one or in halves from `threshold` senders on.
    private func decoded(_ url: URL, sideBySideFrom threshold: Int) -> (
        senders: [SenderDeclaration], problems: [String]
    )? {
        guard let data = try? Data(contentsOf: url),
            let root = try? YAMLSource.parse(data: data, file: url.lastPathComponent)
        else { return nil }
        let decoder = DeclarationDecoder(baseDirectory: url.deletingLastPathComponent())
        var diagnostics = Diagnostics()
        do {
            let draft = try decoder.decode(root, diagnostics: &diagnostics, sideBySideFrom: threshold)
            return (draft.senders, diagnostics.errors.map(\.description))
        } catch {
            return ([], error.errors.map(\.description))
        }
    }

    @Test func everyDeclarationDecodesTheSameInHalves() {
        var halved = 0
        for url in YAMLDifferentialTests.files
        where url.lastPathComponent.hasSuffix("mailzone.yaml") || url.path.contains("declaration") {
            guard let whole = decoded(url, sideBySideFrom: .max), let halves = decoded(url, sideBySideFrom: 2) else {
                continue
            }
            #expect(halves.senders == whole.senders, "\(url.path)")
            #expect(halves.problems == whole.problems, "\(url.path)")
            if whole.senders.count >= 2 { halved += 1 }
        }
        #expect(halved >= 10)
    }

    /// A Domain Connect template used in both halves is reported once, at its first use.
    @Test func aTemplateUsedInBothHalvesIsReportedOnce() throws {
        let url = DeclarationFixtures.packageRoot.appendingPathComponent(
            "Tests/MailZoneTests/Fixtures/DomainConnect/declaration/mailzone.yaml")
        let whole = try #require(decoded(url, sideBySideFrom: .max))
        let halves = try #require(decoded(url, sideBySideFrom: 2))
        #expect(!whole.problems.isEmpty)
        #expect(halves.problems == whole.problems)
        #expect(halves.senders == whole.senders)
    }

    /// Problems in both halves of a long list come in the file's order.
    @Test func problemsOfBothHalvesComeInOrder() throws {
        var text = "version: 1\nzones:\n  - origin: example.net.\n    file: db\nsenders:\n"
        for index in 0..<40 {
            switch index % 7 {
            case 3: text += "  - domain: bad_\(index).example.net\n    services: [tencent-ses]\n"
            case 5: text += "  - domain: h\(index).example.net\n    servics: [tencent-ses]\n"
            default:
                text +=
                    "  - domain: h\(index).example.net\n    services:\n      - preset: tencent-ses\n        dkim: { qcloud: \"v=DKIM1; p=\(index)\" }\n"
            }
        }
        let directory = DeclarationFixtures.packageRoot
        let root = try #require(try YAMLSource.parse(data: Data(text.utf8), file: "t.yaml"))
        func decode(_ threshold: Int) throws -> ([SenderDeclaration], [String]) {
            var diagnostics = Diagnostics()
            let draft = try DeclarationDecoder(baseDirectory: directory).decode(
                root, diagnostics: &diagnostics, sideBySideFrom: threshold)
            return (draft.senders, diagnostics.errors.map(\.description))
        }
        let whole = try decode(.max)
        let halves = try decode(2)
        #expect(whole.1.count == 11)
        #expect(halves.0 == whole.0)
        #expect(halves.1 == whole.1)
    }
}
