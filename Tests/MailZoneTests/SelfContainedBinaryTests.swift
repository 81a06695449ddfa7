import Foundation
import TestSupport
import Testing

/// The `mailzone` binary needs nothing beside it: copied alone into an empty folder and run
/// with an empty environment (no toolchain on `PATH` or `LD_LIBRARY_PATH`), it still knows
/// every built-in preset and plans an example.
///
/// Before the presets were compiled in, the copy looked for `mailzone_MailAuth.resources`
/// beside itself: `presets` listed nothing (exit 0) and `plan` said `unknown preset`.
/// (`scripts/release` makes the same check on the release build, which also links the Swift
/// runtime statically, in a Debian root without a toolchain.)
@Suite(
    .enabled(
        if: MailzoneBinary.shouldRun,
        "build the mailzone binary first: swift build --product mailzone"))
struct SelfContainedBinaryTests {
    /// A folder holding only a copy of the binary (`bin/mailzone`) and a copy of an example.
    static func isolatedCopy(example: String) throws -> (binary: URL, example: URL) {
        let built = try #require(MailzoneBinary.url, "the mailzone binary is not built")
        let root = try ApplySupport.temporaryDirectory()
        let binary = root.appendingPathComponent("bin/mailzone")
        try FileManager.default.createDirectory(
            at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try copyExecutable(built, to: binary)
        let copy = root.appendingPathComponent(example)
        try FileManager.default.copyItem(at: ExamplesTests.directory(example), to: copy)
        return (binary, copy)
    }

    /// Copies an executable so that it can be started at once, however many processes other
    /// tests start meanwhile.
    ///
    /// Linux refuses to start a file that any process holds open for writing ("Text file busy").
    /// A copy written by this process (`FileManager.copyItem` writes it in 4 KiB `sendfile`
    /// steps) leaves the writing descriptor in every child another test starts meanwhile: until
    /// that child's exec, and past it when the descriptor was opened after Foundation listed the
    /// ones to close. `O_CLOEXEC` shortens that but does not end it (a child between fork and
    /// exec still holds it). So the copy is written by `cp`, a process of its own that starts no
    /// other: once it has exited, nothing holds the copy open for writing.
    static func copyExecutable(_ source: URL, to destination: URL) throws {
        let copy = try ToolProcess.run("cp", [source.path, destination.path])
        try #require(copy.status == 0, "cp \(source.path) \(destination.path): \(copy.output)")
    }

    /// Runs `binary ARGUMENTS` in `directory` with only the environment given.
    static func run(_ binary: URL, _ arguments: [String], in directory: URL) throws -> ToolProcess.Result {
        try ToolProcess.run(
            executable: binary, arguments, in: directory,
            environment: ["SOURCE_DATE_EPOCH": "1796083200", "NO_COLOR": "1", "PATH": "/nonexistent"])
    }

    /// The names of the preset files in the source tree, the presets' source of truth.
    static var presetNamesInTheSourceTree: [String] {
        let folder = DeclarationFixtures.packageRoot.appendingPathComponent("Sources/MailAuth/Presets")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
    }

    /// A copied binary that still finds the build directory would pass the tests below on this
    /// machine only: the binary must not name a resource bundle at all (SwiftPM compiles the
    /// bundle's absolute build path into every module that has resources).
    @Test func theBinaryNamesNoResourceBundle() throws {
        let built = try #require(MailzoneBinary.url, "the mailzone binary is not built")
        let bytes = try Data(contentsOf: built)
        #expect(bytes.range(of: Data(".resources".utf8)) == nil, "\(built.path) names a resource bundle")
    }

    /// A fresh copy starts at once, with no second try, while other threads start processes all
    /// the time as the rest of the suite does. With the copy written by this process (by
    /// `FileManager.copyItem`, or by `open(2)` with `O_CLOEXEC`), several of these starts failed
    /// with "Text file busy" on this machine.
    @Test func aFreshCopyStartsAtOnceWhileOtherProcessesStart() throws {
        let built = try #require(MailzoneBinary.url, "the mailzone binary is not built")
        let stop = DispatchSemaphore(value: 0)
        let starters = DispatchGroup()
        for _ in 0..<3 {
            starters.enter()
            Thread {
                // Each starter passes the stop signal on to the next when it sees it.
                while stop.wait(timeout: .now()) == .timedOut {
                    let child = Process()
                    child.executableURL = URL(fileURLWithPath: "/bin/sleep")
                    child.arguments = ["0.2"]
                    try? child.run()
                    usleep(1_000)
                }
                stop.signal()
                starters.leave()
            }.start()
        }
        defer {
            stop.signal()
            starters.wait()
        }
        let root = try ApplySupport.temporaryDirectory()
        for attempt in 0..<10 {
            let binary = root.appendingPathComponent("mailzone-\(attempt)")
            try Self.copyExecutable(built, to: binary)
            let result = try Self.run(binary, ["--version"], in: root)
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test func presetsListsEveryPresetWithNothingBesideTheBinary() throws {
        let copy = try Self.isolatedCopy(example: "tencent-ses-primary")
        let result = try Self.run(copy.binary, ["presets"], in: copy.binary.deletingLastPathComponent())
        #expect(result.status == 0, "\(result.output)")
        let listed = result.output.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first.map(String.init)
        }
        let names = Self.presetNamesInTheSourceTree
        #expect(names.count >= 12)
        #expect(names.allSatisfy { listed.contains($0) }, "listed: \(listed)")
    }

    @Test func schemaPrintsTheDeclarationSchemaWithNothingBesideTheBinary() throws {
        let copy = try Self.isolatedCopy(example: "tencent-ses-primary")
        let result = try Self.run(copy.binary, ["schema"], in: copy.example)
        let file = DeclarationFixtures.packageRoot.appendingPathComponent("schemas/mailzone.schema.json")
        #expect(result.status == 0)
        #expect(result.output == (try String(contentsOf: file, encoding: .utf8)))
    }

    @Test func planRunsAnExampleWithNothingBesideTheBinary() throws {
        let copy = try Self.isolatedCopy(example: "tencent-ses-primary")
        let result = try Self.run(copy.binary, ["plan"], in: copy.example)
        let golden = try String(contentsOf: copy.example.appendingPathComponent("golden/plan.txt"), encoding: .utf8)
        #expect(result.status == 0)
        #expect(result.output == golden)
    }
}
