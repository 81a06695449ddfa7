import Foundation
import TestSupport
import Testing

@testable import MailZone

/// Apply on every example: the zone files it writes equal the committed `golden/applied/` files byte for byte,
/// BIND accepts them, and a second plan finds nothing to do. Examples with conflicts are refused untouched.
@Suite struct ApplyExamplesTests {
    @Test(arguments: ApplySupport.exampleNames())
    func applyMatchesGolden(_ name: String) async throws {
        let folder = try ApplySupport.copy(ApplySupport.examples.appendingPathComponent(name))
        let declaration = try ApplySupport.declaration(in: folder)
        let before = try ApplySupport.zoneFiles(in: folder).map {
            ($0, try ApplySupport.read(folder.appendingPathComponent($0)))
        }
        let options = PlannerOptions(now: ApplySupport.now)
        let golden = ApplySupport.examples.appendingPathComponent("\(name)/golden/applied")
        var refused = false
        do {
            _ = try await Applier.apply(declaration, options: options) { _ in true }
        } catch {
            switch error {
            case .planHasProblems, .deletionsRefused: refused = true
            default: throw error
            }
        }
        if refused {
            // Refused: every file is as it was, and there is no applied golden.
            for (path, text) in before {
                #expect(try ApplySupport.read(folder.appendingPathComponent(path)) == text, "\(path) changed")
            }
            #expect(!FileManager.default.fileExists(atPath: golden.path), "a refused example has golden/applied")
            return
        }
        for path in ApplySupport.zoneFiles(in: folder) {
            let actual = try ApplySupport.read(folder.appendingPathComponent(path))
            let expected = golden.appendingPathComponent(path)
            GoldenFile.assert(actual, at: expected, what: "\(name)/\(path) after apply")
        }
        // Idempotent: a second plan has nothing to do.
        let again = await Planner.plan(try ApplySupport.declaration(in: folder), options: options)
        #expect(!again.plan.hasChanges)
        #expect(!again.plan.hasProblems)
        // No temporary files left behind.
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter {
            $0.contains(".mailzone-")
        }
        #expect(leftovers.isEmpty)
        // BIND accepts every zone apply wrote.
        guard ApplySupport.bindAvailable else {
            #expect(!ApplySupport.inCI, "named-checkzone is missing; scripts/test installs bind9-utils")
            return
        }
        for zone in declaration.zones {
            let file = folder.appendingPathComponent(zone.file.value).path
            let (status, output) = try ApplySupport.namedCheckzone(origin: zone.origin.value.absolute, file: file)
            #expect(status == 0, "named-checkzone refused \(name)/\(zone.file.value): \(output)")
        }
    }
}
