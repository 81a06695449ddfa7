import Foundation
import TestSupport
import Testing

/// `mailzone` takes all its memory from glibc's main arena (`ProcessHeap.useMainArenaOnly`): its worker
/// threads make no arena of their own, whose heaps grow by one `mprotect` call per request.
///
/// Seen from outside, under `strace`: glibc reserves each new thread arena's heap as 64 MiB of address space
/// mapped `PROT_NONE` with `MAP_NORESERVE` (first asking for 128 MiB to align it). Without the setting, a plan
/// of one example makes three of them.
@Suite(.enabled(if: MailzoneBinary.shouldRun))
struct ProcessHeapTests {
    static let strace = "/usr/bin/strace"

    @Test func workerThreadsMakeNoArenaOfTheirOwn() throws {
        #expect(
            FileManager.default.isExecutableFile(atPath: Self.strace),
            "strace (Debian's strace package) is needed to see how mailzone's heap grows")
        let example = DeclarationFixtures.packageRoot.appendingPathComponent("examples/alibaba-singapore")
        let trace = try ProcessScratch.directory(prefix: "heap").appendingPathComponent("mmap.trace")
        let result = try MailzoneBinary.run(
            ["plan"], in: example,
            wrapper: [Self.strace, "-f", "-qq", "-e", "trace=mmap", "-o", trace.path])
        #expect(result.status == 0, "\(result.errors)")
        let calls = try String(contentsOf: trace, encoding: .utf8).split(separator: "\n")
        // The trace saw mailzone's own mappings (its libraries, its stacks), so an empty list below means
        // something.
        #expect(calls.count > 20)
        let arenaHeaps = calls.filter { $0.contains("PROT_NONE") && $0.contains("MAP_NORESERVE") }
        #expect(arenaHeaps == [])
    }
}
