import Foundation
import TestSupport
import Testing
import ZoneFile

@testable import MailZone

/// `ZoneLock`: one apply at a time in a directory, across tasks and across processes, and a task
/// that waits for the lock does not hold a thread of the cooperative pool while it waits.
@Suite struct ZoneLockTests {
    static func directory() throws -> String {
        FilePaths.resolved(try TemporaryFiles.directory(["db.example.com": "\n"], prefix: "zonelock").path)
    }

    /// How long the waiters below may wait. It bounds a failure only: a passing run waits about 200 ms.
    /// It is long because the suite runs tests side by side, and on a two-core machine other tests
    /// can keep both threads of the cooperative pool busy for a while (a waiter woken late still
    /// takes a free lock, but one that took it cannot let it go until it runs again).
    static let patience: TimeInterval = 300

    static func busy(_ directory: String, waited seconds: Int) -> String {
        "\(directory): another mailzone apply is writing in this directory; waited \(seconds) s"
            + " — try again when it has finished"
    }

    @Test func aLockHeldPastTheTimeoutIsRefusedWithAClearMessage() async throws {
        let directory = try Self.directory()
        let held = try await ZoneLock.acquire(directory: directory)
        await #expect(throws: ZoneLock.Failure(description: Self.busy(directory, waited: 0))) {
            try await ZoneLock.acquire(directory: directory, timeout: 0)
        }
        await #expect(throws: ZoneLock.Failure(description: Self.busy(directory, waited: 1))) {
            try await ZoneLock.acquire(directory: directory, timeout: 1)
        }
        withExtendedLifetime(held) {}
    }

    @Test func aWaitingTaskTakesTheLockOnceItIsLetGo() async throws {
        let directory = try Self.directory()
        var held: ZoneLock? = try await ZoneLock.acquire(directory: directory)
        let waiter = Task { try await ZoneLock.acquire(directory: directory, timeout: Self.patience) }
        // Still waiting while the lock is held: nothing but letting it go ends the wait.
        try await Task.sleep(for: .milliseconds(200))
        held = nil
        let taken = try await waiter.value
        #expect(taken.directory == directory)
        #expect(held == nil)
    }

    /// More waiters than the pool has threads: had each slept on its thread, the probe below could
    /// not run until one of them gave up, and all of them would fail.
    @Test func waitersLeaveThePoolFreeForOtherWork() async throws {
        let directory = try Self.directory()
        var held: ZoneLock? = try await ZoneLock.acquire(directory: directory)
        let waiters = (0..<(ProcessInfo.processInfo.activeProcessorCount + 2)).map { _ in
            Task { () async throws(ZoneLock.Failure) -> Bool in
                let lock = try await ZoneLock.acquire(directory: directory, timeout: Self.patience)
                return withExtendedLifetime(lock) { true }
            }
        }
        try await Task.sleep(for: .milliseconds(200))
        let probe = await Task.detached { 42 }.value
        #expect(probe == 42)
        held = nil
        for waiter in waiters { #expect(try await waiter.value) }
        #expect(held == nil)
    }

    @Test func aLockAnotherProcessHoldsIsWaitedForAndThenTaken() async throws {
        let directory = try Self.directory()
        // flock(1) holds the same flock(2) lock on the directory until its stdin closes.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [directory, "sh", "-c", "echo locked; cat >/dev/null"]
        let input = Pipe()
        let output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        let first = output.fileHandleForReading.readData(ofLength: 7)
        #expect(String(decoding: first, as: UTF8.self) == "locked\n")
        await #expect(throws: ZoneLock.Failure(description: Self.busy(directory, waited: 0))) {
            try await ZoneLock.acquire(directory: directory, timeout: 0)
        }
        let waiter = Task { try await ZoneLock.acquire(directory: directory, timeout: Self.patience) }
        try input.fileHandleForWriting.close()
        let taken = try await waiter.value
        holder.waitUntilExit()
        #expect(holder.terminationStatus == 0)
        #expect(taken.directory == directory)
    }

    @Test func directoriesAreLockedInOneSortedOrder() async throws {
        let first = try Self.directory()
        let second = try Self.directory()
        let locks = try await ZoneLock.acquire(directories: [second, first, second], timeout: 0)
        #expect(locks.map(\.directory) == [first, second].sorted())
    }

    @Test func aDirectoryThatCannotBeOpenedIsNamed() async throws {
        let missing = try Self.directory() + "/missing"
        await #expect(
            throws: ZoneLock.Failure(
                description: "\(missing): cannot open the directory to lock it: No such file or directory")
        ) {
            try await ZoneLock.acquire(directory: missing)
        }
    }
}
