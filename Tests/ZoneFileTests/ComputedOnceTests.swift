import Synchronization
import Testing

@testable import ZoneFile

/// The lazily built tables (a file's line starts, a zone's indexes) are computed once however many
/// tasks ask at the same time, and every one of them reads that one value.
struct ComputedOnceTests {
    @Test func manyTasksAskingAtOnceComputeOnce() async {
        final class Runs: Sendable { let count = Mutex(0) }
        // Shared between the tasks as its owner (`ZoneContents`) shares it: held in a class.
        final class Holder: Sendable { let computed = ComputedOnce<[Int]>() }
        let holder = Holder()
        let runs = Runs()
        let values = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<64 {
                group.addTask {
                    holder.computed.value {
                        runs.count.withLock { $0 += 1 }
                        return Array(0..<1000)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(runs.count.withLock { $0 } == 1)
        #expect(values.count == 64)
        #expect(values.allSatisfy { $0 == Array(0..<1000) })
    }

    @Test func aFileIsLocatedFromTasksAtOnce() async {
        let line = "www IN A 192.0.2.1\n"
        let source = SourceFile(path: "db", bytes: Array(String(repeating: line, count: 500).utf8))
        let offsets = (0..<500).map { $0 * line.utf8.count + 3 }
        let locations = await withTaskGroup(of: SourceLocation.self) { group in
            for offset in offsets { group.addTask { source.location(of: offset) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(
            locations.sorted()
                == offsets.enumerated().map { SourceLocation(line: $0.offset + 1, column: 4, offset: $0.element) })
    }
}
