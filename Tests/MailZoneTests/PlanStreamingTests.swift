import Foundation
import MailAuth
import Testing
import ZoneFile

@testable import MailZone

/// A plan streamed zone by zone through the library, as `plan` and `check` write it, and the
/// plan saved with `plan --out`: it goes through `AtomicFileWriter` like the zones apply writes
/// (a temporary file beside it, flushed, renamed over it), so the file is the old one or the new
/// one, whole, and a failure leaves no temporary file behind.
@Suite struct PlanStreamingTests {
    static let options = PlannerOptions(now: Date(timeIntervalSince1970: 1_764_460_800))

    static func declaration(_ example: String = "tencent-ses-primary") throws -> Declaration {
        let path = ExamplesTests.directory(example).appendingPathComponent("mailzone.yaml").path
        return try DeclarationLoader.load(
            contentsOf: URL(fileURLWithPath: path), displayPath: path,
            builtInPresets: try PresetCatalog.builtIn(files: BuiltInPresets.files()))
    }

    static func json(_ declaration: Declaration) async throws -> String {
        try await PlanJSON.encode(Planner.plan(declaration, options: options).plan)
    }

    @Test(arguments: ["tencent-ses-primary", "dmarc-subdomain-weakens", "zone-file-error"])
    func streamsTheTextOfTheWholePlan(_ example: String) async throws {
        let declaration = try Self.declaration(example)
        let renderer = PlanTextRenderer()
        var streamed = ""
        let tally = try await PlanStreaming.write(
            declaration, options: Self.options, errors: renderer.renderErrors, zone: { renderer.renderZone($0.plan) },
            footer: renderer.summaryLine, output: { streamed += $0 })
        let plan = await Planner.plan(declaration, options: Self.options).plan
        #expect(streamed == renderer.render(plan))
        #expect(tally == PlanTally(plan))
    }

    @Test func streamsThePlanAndCheckDocuments() async throws {
        let declaration = try Self.declaration()
        let plan = await Planner.plan(declaration, options: Self.options).plan
        var json = ""
        _ = try await PlanStreaming.writeJSON(declaration, options: Self.options, check: false) { json += $0 }
        #expect(json == (try PlanJSON.encode(plan)))
        var check = ""
        _ = try await PlanStreaming.writeJSON(declaration, options: Self.options, check: true) { check += $0 }
        #expect(check == (try PlanJSON.encode(CheckReport(plan: plan))))
    }

    /// A longer old file is replaced whole (not overwritten in place), keeps its mode, and no
    /// temporary file stays beside it.
    @Test func outReplacesTheFileWhole() async throws {
        let declaration = try Self.declaration()
        let directory = try ApplySupport.temporaryDirectory()
        let out = directory.appendingPathComponent("plan.json")
        try String(repeating: "an older, longer plan\n", count: 5_000).write(
            to: out, atomically: false, encoding: .utf8)
        #expect(chmod(out.path, 0o600) == 0)
        var stdout = ""
        _ = try await PlanStreaming.write(
            declaration, options: Self.options, errors: { _ in "" }, zone: { _ in "" }, footer: { _ in "" },
            saveTo: out.path, output: { stdout += $0 })
        await #expect(try String(contentsOf: out, encoding: .utf8) == (try Self.json(declaration)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["plan.json"])
        var status = stat()
        #expect(stat(out.path, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
    }

    /// A new file is made with the mode the umask allows, as `open(2)` with 0644 would.
    @Test func outCreatesANewFile() async throws {
        let declaration = try Self.declaration()
        let directory = try ApplySupport.temporaryDirectory()
        let out = directory.appendingPathComponent("plan.json")
        _ = try await PlanStreaming.writeJSON(declaration, options: Self.options, check: false, saveTo: out.path) { _ in
        }
        await #expect(try String(contentsOf: out, encoding: .utf8) == (try Self.json(declaration)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["plan.json"])
        let mask = umask(0o022)
        umask(mask)
        var status = stat()
        #expect(stat(out.path, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o644 & ~mask)
    }

    /// The rename fails: the old plan stays as it was, and the temporary file is gone.
    @Test func failedSaveLeavesTheOldFileAndNoTemporary() async throws {
        let declaration = try Self.declaration()
        let directory = try ApplySupport.temporaryDirectory()
        let out = directory.appendingPathComponent("plan.json")
        try "the old plan\n".write(to: out, atomically: false, encoding: .utf8)
        let failing = AtomicFileWriter(failRename: { _ in true })
        let error = await #expect(throws: PlanSaveError.self) {
            _ = try await PlanStreaming.writeJSON(
                declaration, options: Self.options, check: false, saveTo: out.path, writer: failing
            ) { _ in }
        }
        #expect(
            error?.description
                == "cannot save the plan to \(out.path): cannot replace the file: rename failed (simulated)")
        #expect(try String(contentsOf: out, encoding: .utf8) == "the old plan\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["plan.json"])
    }

    @Test func saveToAMissingDirectoryFails() async throws {
        let declaration = try Self.declaration()
        let error = await #expect(throws: PlanSaveError.self) {
            _ = try await PlanStreaming.writeJSON(
                declaration, options: Self.options, check: false, saveTo: "/nonexistent-dir/plan.json"
            ) { _ in }
        }
        #expect(error?.description == "cannot save the plan to /nonexistent-dir/plan.json: No such file or directory")
    }
}
