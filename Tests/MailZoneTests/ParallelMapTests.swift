import Testing

@testable import MailZone

/// Work spread over the cores, handed back in input order.
@Suite struct ParallelMapTests {
    struct Stop: Error, Equatable {}

    @Test func outputsArriveInInputOrder() {
        var received: [Int] = []
        ParallelMap.forEachInOrder(Array(0..<500), { $0 * 2 }, receive: { received.append($0) })
        #expect(received == (0..<500).map { $0 * 2 })
    }

    /// A receiver that fails is not called again, and its error comes out once the work is done.
    @Test func aFailingReceiverStopsTheHandOver() {
        var received: [Int] = []
        #expect(throws: Stop()) {
            try ParallelMap.forEachInOrder(
                Array(0..<200), { $0 },
                receive: { (value: Int) throws(Stop) in
                    if value == 10 { throw Stop() }
                    received.append(value)
                })
        }
        #expect(received == Array(0..<10))
    }
}
