import Foundation
import Synchronization
import TestSupport
import Testing

@testable import MailZone
@testable import ZoneFile

/// Another program (an editor, `sed -i`, a deploy script) writes a zone file after apply read it and
/// before apply renames its new text over it: apply must notice and write nothing, or that program's
/// change is lost without a word. The locks only keep other mailzone applies out; the time between
/// reading and renaming includes the wait for the user's approval.
///
/// Each way of writing is tried on a real zone (`Fixtures/RealZones`), by this process during the
/// approval and by a separate process while a real `mailzone apply` holds before its rename.
@Suite struct ApplyConcurrentWriterTests {
    /// How the other program changes the file.
    enum Writer: String, CaseIterable, CustomStringConvertible, Sendable {
        /// Appends a line (`echo ... >> FILE`).
        case append
        /// Writes one byte in place, so the size stays, and puts the old modification time back:
        /// nothing but the content tells the change.
        case inPlaceSameLength
        /// Writes a new file beside it and renames it over the file, as editors and `sed -i` do.
        case renameOver

        var description: String { rawValue }

        /// The file's text once this writer has changed `old`.
        func changed(_ old: [UInt8]) -> [UInt8] {
            switch self {
            case .append:
                return old + Array("mzconcurrent 300 IN A 192.0.2.1\n".utf8)
            case .inPlaceSameLength, .renameOver:
                // The first lower-case letter of the second line, upper-cased: names compare without case,
                // so the zone still reads; only the bytes differ.
                var new = old
                let secondLine = (new.firstIndex(of: UInt8(ascii: "\n")) ?? 0) + 1
                if let index = new[secondLine...].firstIndex(where: { (0x61...0x7A).contains($0) }) {
                    new[index] -= 0x20
                }
                return new
            }
        }

        /// Changes the file at `url` as this writer does.
        func write(_ url: URL) throws {
            let old = Array(try Data(contentsOf: url))
            let new = changed(old)
            switch self {
            case .append:
                let handle = try FileHandle(forWritingTo: url)
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(new[old.count...]))
                try handle.close()
            case .inPlaceSameLength:
                var status = stat()
                guard stat(url.path, &status) == 0 else { throw POSIXError(.ENOENT) }
                let handle = try FileHandle(forWritingTo: url)
                try handle.write(contentsOf: Data(new))
                try handle.close()
                var times = [status.st_atim, status.st_mtim]
                guard utimensat(AT_FDCWD, url.path, &times, 0) == 0 else { throw POSIXError(.EPERM) }
            case .renameOver:
                let temporary = url.deletingLastPathComponent().appendingPathComponent(".editor-swap")
                try Data(new).write(to: temporary)
                guard rename(temporary.path, url.path) == 0 else { throw POSIXError(.EPERM) }
            }
        }

        /// The same change made by a separate process: a shell and the tools people use.
        func command(for url: URL) -> [String] {
            let path = url.path
            switch self {
            case .append:
                return ["/bin/sh", "-c", "echo 'mzconcurrent 300 IN A 192.0.2.1' >> \"$1\"", "sh", path]
            case .inPlaceSameLength:
                // dd writes the changed text over the file without truncating it; touch puts the time back.
                return [
                    "/bin/sh", "-c",
                    "cp -p \"$1\" \"$1.time\" && dd if=\"$2\" of=\"$1\" conv=notrunc status=none"
                        + " && touch -r \"$1.time\" \"$1\" && rm \"$1.time\"",
                    "sh", path, path + ".new",
                ]
            case .renameOver:
                return [
                    "/bin/sh", "-c", "cat \"$2\" > \"$1.swap\" && mv \"$1.swap\" \"$1\"", "sh", path, path + ".new",
                ]
            }
        }
    }

    /// The real zones tried: one plain file, one with CRLF line ends, one signed.
    static let cases = ["argvc-arg-vc", "derived-soh-re-crlf", "esgob-com"]

    static func arguments() -> [(String, Writer)] {
        cases.flatMap { name in Writer.allCases.map { (name, $0) } }
    }

    /// A copy of the corpus case `name` with its declaration, and its zone file.
    static func copy(_ name: String) throws -> (folder: URL, zone: URL) {
        let corpusCase = try #require(RealZoneCorpus.cases().first { $0.name == name })
        let folder = try ApplySupport.copy(corpusCase.folder)
        try Data(RealZoneCorpus.declaration(for: corpusCase).utf8).write(
            to: folder.appendingPathComponent("mailzone.yaml"))
        return (folder, folder.appendingPathComponent(corpusCase.zone))
    }

    /// The file is changed while the user looks at the plan: apply refuses, the change is kept.
    @Test(arguments: arguments())
    func changedDuringTheApproval(_ name: String, _ writer: Writer) async throws {
        let (folder, zone) = try Self.copy(name)
        let old = Array(try Data(contentsOf: zone))
        let declaration = try ApplySupport.declaration(in: folder)
        var caught: ApplyError?
        do {
            _ = try await Applier.apply(declaration, options: PlannerOptions(now: ApplySupport.now)) { plan in
                #expect(plan.hasChanges)
                #expect(throws: Never.self) { try writer.write(zone) }
                return true
            }
        } catch {
            caught = error
        }
        let path = try #require(
            caught.flatMap { error -> String? in
                if case .changedWhileApplying(let path) = error { return path }
                return nil
            }, "apply did not refuse: \(String(describing: caught))")
        #expect(URL(fileURLWithPath: path).standardizedFileURL == zone.standardizedFileURL)
        #expect(
            caught?.description
                == "\(path) changed while apply ran, after mailzone had read it (another program wrote it)"
                + " — nothing was written; plan again on its new text and apply")
        #expect(Array(try Data(contentsOf: zone)) == writer.changed(old))
        #expect(ApplySupport.temporaryFiles(in: zone.deletingLastPathComponent()) == [])
    }

    /// A zone file of 1 MiB or more is mapped, not copied (`SourceFile.mappingThreshold`): a write in place
    /// shows through the mapping, so the new text apply staged may even hold the other program's bytes.
    /// apply still refuses, since it compares the file with the digest it planned from.
    @Test func changedInPlaceWhileMapped() async throws {
        let (folder, zone) = try Self.copy("argvc-arg-vc")
        let grown = try Self.grownToBeMapped(zone)
        let declaration = try ApplySupport.declaration(in: folder)
        var caught: ApplyError?
        do {
            _ = try await Applier.apply(
                declaration, options: PlannerOptions(now: ApplySupport.now)
            ) { _ in
                #expect(throws: Never.self) { try Writer.inPlaceSameLength.write(zone) }
                return true
            }
        } catch {
            caught = error
        }
        guard case .changedWhileApplying = caught else {
            Issue.record("apply did not refuse: \(String(describing: caught))")
            return
        }
        #expect(Array(try Data(contentsOf: zone)) == Writer.inPlaceSameLength.changed(grown))
        #expect(ApplySupport.temporaryFiles(in: zone.deletingLastPathComponent()) == [])
    }

    /// A mapped zone file written in place after the load read it, before the plan was made from it: what the
    /// plan read of it (the parse, and every later decode of its records, read the mapped pages as they are)
    /// may be part old, part new. apply still refuses, since the digest it compares was taken before the
    /// parse (`LoadOptions.fingerprint`); a digest taken after the load would match the new text and let
    /// apply write a plan made from the half-read one over the other program's change.
    @Test func changedInPlaceWhileMappedBeforeThePlan() async throws {
        let (folder, zone) = try Self.copy("argvc-arg-vc")
        let grown = try Self.grownToBeMapped(zone)
        var options = PlannerOptions(now: ApplySupport.now)
        let wrote = Mutex(0)
        options.afterLoad = { _ in
            #expect(throws: Never.self) { try Writer.inPlaceSameLength.write(zone) }
            wrote.withLock { $0 += 1 }
        }
        let declaration = try ApplySupport.declaration(in: folder)
        var caught: ApplyError?
        do {
            _ = try await Applier.apply(declaration, options: options) { _ in true }
        } catch {
            caught = error
        }
        #expect(wrote.withLock { $0 } == 1)
        guard case .changedWhileApplying = caught else {
            Issue.record("apply did not refuse: \(String(describing: caught))")
            return
        }
        #expect(Array(try Data(contentsOf: zone)) == Writer.inPlaceSameLength.changed(grown))
        #expect(ApplySupport.temporaryFiles(in: zone.deletingLastPathComponent()) == [])
    }

    /// Grows the zone file at `zone` past `SourceFile.mappingThreshold` with address records, so it is
    /// mapped, not copied; returns its new text.
    static func grownToBeMapped(_ zone: URL) throws -> [UInt8] {
        var grown = Array(try Data(contentsOf: zone))
        var host = 0
        while grown.count <= SourceFile.mappingThreshold {
            grown += Array("mzhost\(host) 300 IN A 192.0.2.\(host % 250 + 1)\n".utf8)
            host += 1
        }
        try Data(grown).write(to: zone)
        return grown
    }

    /// A separate process changes the file while a real `mailzone apply` holds between writing its
    /// temporary file and renaming it: the command exits 1 with the error, and the change is kept.
    @Test(arguments: arguments())
    func changedByAnotherProcessBeforeTheRename(_ name: String, _ writer: Writer) throws {
        let (folder, zone) = try Self.copy(name)
        let old = Array(try Data(contentsOf: zone))
        try Data(writer.changed(old)).write(to: URL(fileURLWithPath: zone.path + ".new"))
        let errors = Pipe()
        let process = try ApplySupport.startHeldApply(
            in: folder, holdSeconds: 5, zones: zone.deletingLastPathComponent(), standardError: errors)
        #expect(
            ApplySupport.temporaryFiles(in: zone.deletingLastPathComponent()).count == 1,
            "the temporary file did not appear")
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        other.arguments = writer.command(for: zone)
        try other.run()
        other.waitUntilExit()
        #expect(other.terminationStatus == 0)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        let corpusCase = try #require(RealZoneCorpus.cases().first { $0.name == name })
        #expect(
            stderr
                == "error: \(corpusCase.zone) changed while apply ran, after mailzone had read it (another program"
                + " wrote it) — nothing was written; plan again on its new text and apply\n")
        #expect(Array(try Data(contentsOf: zone)) == writer.changed(old))
        #expect(ApplySupport.temporaryFiles(in: zone.deletingLastPathComponent()) == [])
    }
}
