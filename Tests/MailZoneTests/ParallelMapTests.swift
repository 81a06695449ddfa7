import Testing

@testable import MailZone

/// Work spread over the cores, handed back in input order, with a bounded number in flight.
@Suite struct ParallelMapTests {
    struct Stop: Error, Equatable {}

    /// Counts the transforms running and started, and how many were started when each output was
    /// received: a count of what happened, not a measure of time.
    actor Tally {
        var running = 0
        var mostRunning = 0
        var started = 0
        var startedAtReceipt: [Int] = []

        func begin() {
            running += 1
            started += 1
            mostRunning = max(mostRunning, running)
        }

        func end() { running -= 1 }

        func received() { startedAtReceipt.append(started) }
    }

    @Test func outputsArriveInInputOrder() async {
        var received: [Int] = []
        await ParallelMap.forEachInOrder(Array(0..<500), width: 4, { $0 * 2 }, receive: { received.append($0) })
        #expect(received == (0..<500).map { $0 * 2 })
    }

    /// Outputs that finish ahead of their turn wait for it: the first input is the slowest (it
    /// yields its thread many times), yet the order is the inputs'.
    @Test func aSlowFirstInputKeepsItsPlace() async {
        var received: [Int] = []
        await ParallelMap.forEachInOrder(
            Array(0..<50), width: 4,
            { index in
                if index == 0 { for _ in 0..<1_000 { await Task.yield() } }
                return index
            }, receive: { received.append($0) })
        #expect(received == Array(0..<50))
    }

    /// No more than `width` transforms run at once, however many inputs there are.
    @Test(arguments: [1, 3, 8])
    func noMoreThanWidthRunAtOnce(width: Int) async {
        let tally = Tally()
        var received: [Int] = []
        await ParallelMap.forEachInOrder(
            Array(0..<200), width: width,
            { index in
                await tally.begin()
                for _ in 0..<(index % 7) { await Task.yield() }
                await tally.end()
                return index
            }, receive: { received.append($0) })
        #expect(received == Array(0..<200))
        #expect(await tally.mostRunning <= width)
        #expect(await tally.mostRunning >= 1)
    }

    /// Memory is bounded to the inputs in flight: while the first output is awaited, at most
    /// `width` inputs have been started, so finished outputs waiting for their turn stay few.
    @Test func finishedOutputsWaitingForTheirTurnAreBounded() async {
        let tally = Tally()
        await ParallelMap.forEachInOrder(
            Array(0..<100), width: 3,
            { index in
                await tally.begin()
                if index.isMultiple(of: 10) { for _ in 0..<500 { await Task.yield() } }
                await tally.end()
                return index
            }, receive: { _ in await tally.received() })
        let started = await tally.startedAtReceipt
        #expect(started.count == 100)
        // When output i is received, inputs up to i + width - 1 at most have been started.
        for (index, count) in started.enumerated() {
            #expect(count <= index + 3, "output \(index) received with \(count) inputs started")
        }
    }

    /// A receiver that fails is not called again, and its error comes out once the work is done.
    @Test func aFailingReceiverStopsTheHandOver() async {
        var received: [Int] = []
        await #expect(throws: Stop()) {
            try await ParallelMap.forEachInOrder(
                Array(0..<200), width: 4, { $0 },
                receive: { (value: Int) throws(Stop) in
                    if value == 10 { throw Stop() }
                    received.append(value)
                })
        }
        #expect(received == Array(0..<10))
    }
}
